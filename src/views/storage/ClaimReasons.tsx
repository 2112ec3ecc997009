// Why each claim got its volume (or is Pending): the engine's summary and a line per candidate
// PV, then the pods and what nobody enforces. The same words `netlab storage` prints.
import type { VolumeReport } from '../../storage/volume-report';
import { useNetlab } from '../use-netlab';
import { STORAGE_TID, useStorageText } from './storage-text';

export function ClaimReasons({ report }: { report: VolumeReport }) {
  const t = useStorageText();
  const locale = useNetlab((s) => s.locale);
  return (
    <section className="panel storage-reasons" aria-labelledby="storage-reasons-title">
      <h2 id="storage-reasons-title">{t.claims}</h2>
      <ul className="storage-claims">
        {report.claims.map((c) => (
          <li key={c.key} data-testid={STORAGE_TID.claim} data-id={c.key} data-phase={c.phase}>
            <p>
              <strong>{c.key}</strong>{' '}
              <span className={`phase phase-${c.phase.toLowerCase()}`}>{c.phase}</span>{' '}
              <span className="muted">
                {c.request} {c.accessModes.join(',')} class=
                {c.storageClassName === '' ? '""' : c.storageClassName}
              </span>
            </p>
            <p lang={locale}>{c.summary[locale]}</p>
            <ul className="storage-candidates">
              {c.candidates.map((x) => (
                <li
                  key={x.pv}
                  className={`candidate-${x.verdict}`}
                  data-testid={STORAGE_TID.candidate}
                  data-id={x.pv}
                >
                  {x.text[locale]}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {report.pods.length > 0 && (
        <>
          <h3>{t.pods}</h3>
          <ul className="storage-pods">
            {report.pods.map((p) => (
              <li key={p.key} data-id={p.key} data-status={p.status}>
                <strong>{p.key}</strong>{' '}
                <span className={`phase phase-${p.status.toLowerCase()}`}>{p.status}</span>
                {p.node ? ` · ${p.node}` : ''}
                {[...p.problems, ...p.notes].map((x, i) => (
                  <p key={i} lang={locale} className="muted">
                    {x[locale]}
                  </p>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
