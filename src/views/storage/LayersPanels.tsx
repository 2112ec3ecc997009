// Beside the image stacks: the session command by command with what each did, /var/lib/docker as
// overlay2 lays it out, and storage drivers versus volume drivers.
import type { TreeNode } from '../../storage/docker-tree';
import { TREE_NOTE } from '../../storage/docker-tree';
import {
  STORAGE_DRIVERS,
  STORAGE_DRIVERS_ABOUT,
  VOLUME_DRIVERS,
  VOLUME_DRIVERS_ABOUT,
} from '../../storage/drivers';
import type { LayersLab } from '../../storage/layers-lab';
import { effectText } from '../../storage/layers-text';
import { LAYER_SIMPLIFICATIONS } from '../../storage/simplifications';
import { useNetlab } from '../use-netlab';
import { STORAGE_TID, useStorageText } from './storage-text';

export function SessionLog({ lab }: { lab: LayersLab }) {
  const t = useStorageText();
  const locale = useNetlab((s) => s.locale);
  if (!lab.scripted) return null;
  return (
    <section className="panel storage-session" aria-labelledby="storage-session-title">
      <h2 id="storage-session-title">{t.session}</h2>
      <ol>
        {lab.host.steps.map((s, i) => (
          <li key={i}>
            <code>$ {s.command.text}</code>
            <ul>
              {s.effects.map((e, j) => (
                <li key={j} lang={locale} className={`effect-${e.kind}`}>
                  {effectText(e)[locale]}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Tree({ node }: { node: TreeNode }) {
  const locale = useNetlab((s) => s.locale);
  const note = node.note ? <span className="muted"> — {node.note[locale]}</span> : null;
  if (!node.dir || node.children.length === 0)
    return (
      <li>
        <code>
          {node.name}
          {node.dir ? '/' : ''}
        </code>
        {note}
      </li>
    );
  return (
    <li>
      <details open={node.name === '/var/lib/docker' || node.name === 'overlay2' || node.name === 'volumes'}>
        <summary>
          <code>{node.name}/</code>
          {note}
        </summary>
        <ul>
          {node.children.map((c, i) => (
            <Tree key={`${c.name}-${i}`} node={c} />
          ))}
        </ul>
      </details>
    </li>
  );
}

export function DockerTreeView({ lab }: { lab: LayersLab }) {
  const t = useStorageText();
  const locale = useNetlab((s) => s.locale);
  return (
    <section
      className="panel storage-tree"
      aria-labelledby="storage-tree-title"
      data-testid={STORAGE_TID.tree}
    >
      <h2 id="storage-tree-title">{t.tree}</h2>
      <p lang={locale} className="muted">
        {TREE_NOTE[locale]}
      </p>
      <ul className="tree">
        <Tree node={lab.tree} />
      </ul>
    </section>
  );
}

export function DriversPanel() {
  const t = useStorageText();
  const locale = useNetlab((s) => s.locale);
  return (
    <section className="panel storage-drivers" aria-labelledby="storage-drivers-title">
      <h2 id="storage-drivers-title">{t.drivers}</h2>
      <h3>{t.storageDrivers}</h3>
      <p lang={locale}>{STORAGE_DRIVERS_ABOUT[locale]}</p>
      <ul>
        {STORAGE_DRIVERS.map((d) => (
          <li key={d.name} className={`driver-${d.status}`}>
            <code>{d.name}</code> ({d.status}): {d.text[locale]}
          </li>
        ))}
      </ul>
      <h3>{t.volumeDrivers}</h3>
      <p lang={locale}>{VOLUME_DRIVERS_ABOUT[locale]}</p>
      <ul>
        {VOLUME_DRIVERS.map((d) => (
          <li key={d.name}>
            <code>{d.name}</code>: {d.text[locale]}
          </li>
        ))}
      </ul>
      <h3>{t.simplifies}</h3>
      <ul>
        {LAYER_SIMPLIFICATIONS.map((n, i) => (
          <li key={i} lang={locale}>
            {n[locale]}
          </li>
        ))}
      </ul>
    </section>
  );
}
