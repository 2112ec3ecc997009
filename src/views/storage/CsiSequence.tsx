// The CSI calls for one claim, played step by step like a packet journey: who calls whom, over
// gRPC or through an API object, and what each call carries.
import { csiSequence, ACTOR_NAMES, CSI_ABOUT, type CsiStep } from '../../storage/csi-calls';
import type { VolumeSimulation } from '../../storage/pv-controller';
import { useNetlab } from '../use-netlab';
import { fillIn, STORAGE_TID, useStorageText } from './storage-text';

/** The claims bound to a CSI volume, with the call sequence of each. */
function sequences(sim: VolumeSimulation): { claim: string; steps: CsiStep[] }[] {
  return sim.claims.flatMap((c) => {
    const v = sim.volumes.find((x) => x.pv.name === c.volume);
    if (c.phase !== 'Bound' || !v || v.pv.source.type !== 'csi' || !v.pv.source.driver) return [];
    const driver = v.pv.source.driver;
    const pod = sim.pods.find(
      (p) =>
        p.node &&
        p.pod.namespace === c.claim.namespace &&
        p.pod.claims.some((x) => x.claimName === c.claim.name),
    );
    const use = pod?.pod.claims.find((x) => x.claimName === c.claim.name);
    const installed = sim.scene.drivers.find((d) => d.name === driver);
    const steps = csiSequence({
      claim: c.claim,
      pv: v.pv,
      driver,
      attachRequired: installed?.attachRequired ?? true,
      dynamic: v.pv.provisionedBy !== undefined,
      ...(pod && use
        ? { pod: { key: pod.key, node: pod.node!, mountPaths: use.mountPaths, readOnly: use.readOnly } }
        : {}),
      deleteVolume:
        v.pv.reclaimPolicy === 'Delete' && v.pv.provisionedBy !== undefined && installed !== undefined,
    });
    return [{ claim: c.key, steps }];
  });
}

export function CsiSequence({ sim }: { sim: VolumeSimulation }) {
  const t = useStorageText();
  const locale = useNetlab((s) => s.locale);
  const chosen = useNetlab((s) => s.storageLab.csiClaim);
  const index = useNetlab((s) => s.storageLab.csiStep);
  const showClaim = useNetlab((s) => s.showCsiClaim);
  const setStep = useNetlab((s) => s.setCsiStep);
  const all = sequences(sim);
  const current = all.find((x) => x.claim === chosen) ?? all[0];
  const step = current ? Math.min(index, current.steps.length - 1) : 0;
  return (
    <section className="panel storage-csi" aria-labelledby="storage-csi-title" data-testid={STORAGE_TID.csi}>
      <h2 id="storage-csi-title">{t.csiTitle}</h2>
      <p lang={locale} className="muted">
        {CSI_ABOUT[locale]}
      </p>
      {!current ? (
        <p lang={locale}>{t.csiNone}</p>
      ) : (
        <>
          <label>
            {t.csiClaim}{' '}
            <select value={current.claim} onChange={(e) => showClaim(e.target.value)}>
              {all.map((x) => (
                <option key={x.claim} value={x.claim}>
                  {x.claim}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="button" onClick={() => setStep(step - 1)} disabled={step === 0}>
            {t.previous}
          </button>{' '}
          <button type="button" onClick={() => setStep(step + 1)} disabled={step >= current.steps.length - 1}>
            {t.next}
          </button>{' '}
          <span role="status">{fillIn(t.stepOf, { n: step + 1, total: current.steps.length })}</span>
          <ol className="csi-steps">
            {current.steps.map((s, i) => (
              <li
                key={`${s.name}-${i}`}
                className={`csi-${s.kind}${i === step ? ' current' : ''}${i > step ? ' later' : ''}`}
                data-testid={STORAGE_TID.csiStep}
                data-name={s.name}
                aria-current={i === step ? 'step' : undefined}
              >
                <button type="button" className="csi-step-button" onClick={() => setStep(i)}>
                  <strong>{s.name}</strong> · {ACTOR_NAMES[s.from][locale]} → {ACTOR_NAMES[s.to][locale]}
                </button>
                {i === step && (
                  <div className="csi-detail">
                    <p lang={locale}>{s.text[locale]}</p>
                    <p className="muted">{t.carries}:</p>
                    <pre>{s.carries.join('\n')}</pre>
                  </div>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
