// The CNI lifecycle of one pod, as a panel: kubelet → the runtime's sandbox → /etc/cni/net.d (the
// chosen file) → /opt/cni/bin/<type> with CNI_COMMAND=ADD → veth → IPAM → the result; then DEL,
// CHECK and VERSION. Every word comes from the pure model (model/cni-lifecycle.ts).
import { memo, useContext, useState } from 'react';
import { cniConfigDocument, netD, withDocument } from '../../model/cni-config';
import { lifecyclePods, podLifecycle } from '../../model/cni-lifecycle';
import { AfterTheGraph, NetlabContext, useNetlab, useScenarioModel } from '../use-netlab';
import { useUiText } from '../i18n';
import { TID } from '../testIds';

/** The lifecycle panel takes a new view after the graph has. */
export function CniLifecycle() {
  return (
    <AfterTheGraph>
      <CniLifecyclePanel />
    </AfterTheGraph>
  );
}

const CniLifecyclePanel = memo(function CniLifecyclePanel() {
  const t = useUiText();
  const locale = useNetlab((s) => s.locale);
  const { model } = useScenarioModel();
  const topology = model.topology;
  const pods = lifecyclePods(topology);
  const [chosen, setChosen] = useState<string | null>(null);
  const key = chosen !== null && pods.some((p) => p.key === chosen) ? chosen : (pods[0]?.key ?? null);
  const store = useContext(NetlabContext);
  const profile = topology.profile;
  const network = {
    cni: profile.cni,
    ipMasq: profile.masquerade === 'subnet',
    bridgeName: topology.bridgeName,
  };
  const life = key ? podLifecycle(network, topology, key) : null;
  /**
   * The chosen file into the scenario as a CNIConfig (an edit of the text: the editor's undo takes
   * it back). A file whose text differs between nodes (host-local's subnet) is this node's own.
   */
  const editFile = (): void => {
    if (!life || !store) return;
    const file = life.netd.chosen;
    const texts = new Set(
      topology.nodes.map((n) => netD(network, n).files.find((f) => f.name === file.name)?.text),
    );
    const doc = cniConfigDocument(file, texts.size > 1 ? [life.node] : undefined);
    const s = store.getState();
    s.setScenarioText(withDocument(s.scenarioText, doc));
  };
  return (
    <details className="panel cni-lifecycle" data-testid={TID.cniLifecycle}>
      <summary>
        <h2 id="cni-lifecycle-title">{t.cniLifecycle}</h2>
      </summary>
      {!life ? (
        <p className="help">{t.cniLifecycleNone}</p>
      ) : (
        <>
          <label>
            {t.pod}{' '}
            <select value={key ?? ''} onChange={(e) => setChosen(e.target.value)}>
              {pods.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.key} ({p.node})
                </option>
              ))}
            </select>
          </label>
          <h3>ADD</h3>
          <ol>
            {life.add.map((s, i) => (
              <li key={i}>
                <strong>{s.actor}</strong> {s.text[locale]}
                {s.code && <pre className="mono small">{s.code}</pre>}
              </li>
            ))}
          </ol>
          <h3>{`/etc/cni/net.d/${life.netd.chosen.name}`}</h3>
          <p className="help">{life.netd.why[locale]}</p>
          {life.netd.chosen.user ? (
            <p className="help">{t.cniEditing}</p>
          ) : (
            <p>
              <button type="button" onClick={editFile} data-testid={TID.cniEditFile}>
                {t.cniEditFile}
              </button>{' '}
              <span className="help">{t.cniEditFileHelp}</span>
            </p>
          )}
          <pre className="mono small" data-testid={TID.cniConfig}>
            {life.netd.chosen.text}
          </pre>
          {life.netd.files
            .filter((f) => !f.config)
            .map((f) => (
              <div key={f.name}>
                <h3>{f.name}</h3>
                <pre className="mono small">{f.text}</pre>
              </div>
            ))}
          <h3>{t.cniResult}</h3>
          <pre className="mono small">{life.result}</pre>
          <h3>DEL</h3>
          <ol>
            {life.del.map((s, i) => (
              <li key={i}>
                <strong>{s.actor}</strong> {s.text[locale]}
                {s.code && <pre className="mono small">{s.code}</pre>}
              </li>
            ))}
          </ol>
          <p>{life.check[locale]}</p>
          <p>{life.version[locale]}</p>
        </>
      )}
    </details>
  );
});
