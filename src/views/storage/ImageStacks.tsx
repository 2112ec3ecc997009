// The layers lab's drawing: each image as a stack of read-only layers (base at the bottom, width
// by size, 0 B configuration steps dashed, cached and rebuilt steps coloured), the containers of
// the image on top with their read-write layers, and volumes and bind mounts beside the stack.
import { formatByteSize } from '../../storage/byte-size';
import type { Container } from '../../storage/docker-host';
import type { ImageBuild } from '../../storage/image-build';
import type { LayersLab } from '../../storage/layers-lab';
import { layerText, sizeText } from '../../storage/layers-text';
import { useNetlab } from '../use-netlab';
import { STORAGE_TID, useStorageText } from './storage-text';

function ContainerLayer({ c, lab }: { c: Container; lab: LayersLab }) {
  const t = useStorageText();
  const entries = [...c.upper.values()];
  return (
    <div
      className={`container-layer state-${c.state}`}
      data-testid="storage.container"
      data-id={c.name}
      data-state={c.state}
    >
      <div className="container-name">
        {c.name} <span className="muted">({c.state === 'removed' ? t.lost : t.containerLayer})</span>
      </div>
      <ul>
        {entries.map((e) => (
          <li key={e.path} className={`upper-${e.kind}`}>
            {e.kind === 'copied-up' ? '⇡ ' : e.kind === 'whiteout' ? '⊘ ' : '+ '}
            {e.path}
          </li>
        ))}
      </ul>
      {c.mounts.length > 0 && (
        <ul className="container-mounts">
          {c.mounts.map((m) => {
            const v = m.type === 'volume' ? lab.host.volumes.get(m.source) : undefined;
            const files =
              m.type === 'volume'
                ? [...(v?.files ?? [])]
                : [...lab.host.hostFiles]
                    .filter((f) => f.startsWith(`${m.source}/`))
                    .map((f) => f.slice(m.source.length + 1));
            return (
              <li
                key={m.target}
                className={`mount-${m.type}${v?.removed ? ' removed' : ''}`}
                data-testid="storage.mount"
                data-type={m.type}
              >
                {m.target} ⇠ {m.type === 'bind' ? t.bind : t.volume}{' '}
                {m.anonymous ? m.source.slice(0, 12) : m.source}
                {files.length > 0 && <span className="muted"> [{files.join(', ')}]</span>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function Stack({ image, lab, largest }: { image: ImageBuild; lab: LayersLab; largest: number }) {
  const locale = useNetlab((s) => s.locale);
  const containers = lab.host.containers.filter((c) => c.image === image.tag);
  return (
    <div className="image-stack" data-id={image.tag}>
      <h3>
        {image.tag}{' '}
        <span className="muted">
          ({image.file}, {formatByteSize(image.size)})
        </span>
      </h3>
      <div className="stack-containers">
        {containers.map((c) => (
          <ContainerLayer key={c.id} c={c} lab={lab} />
        ))}
      </div>
      <ol className="layers" reversed>
        {[...image.layers].reverse().map((l, i) => {
          const width =
            l.size === undefined ? 100 : Math.max(6, Math.round((l.size / Math.max(1, largest)) * 100));
          return (
            <li
              key={`${l.chainId}-${i}`}
              className={`layer status-${l.status}${l.empty ? ' empty' : ''}`}
              data-testid={STORAGE_TID.layer}
              data-status={l.status}
              data-size={l.size ?? ''}
              title={layerText(l)[locale]}
            >
              <span className="layer-bar" style={{ width: `${width}%` }} />
              <span className="layer-size">{sizeText(l)}</span>
              <code>{l.createdBy}</code>
              <span className="layer-status">{l.status}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** An image the session runs but did not build (mysql): its containers, on layers netlab cannot see. */
function PulledStack({ image, lab }: { image: string; lab: LayersLab }) {
  const t = useStorageText();
  return (
    <div className="image-stack pulled" data-id={image}>
      <h3>
        {image} <span className="muted">({t.pulled})</span>
      </h3>
      <div className="stack-containers">
        {lab.host.containers
          .filter((c) => c.image === image)
          .map((c) => (
            <ContainerLayer key={c.id} c={c} lab={lab} />
          ))}
      </div>
      <ol className="layers">
        <li className="layer status-pulled unknown">
          <code>{t.pulledLayers}</code>
        </li>
      </ol>
    </div>
  );
}

export function ImageStacks({ lab }: { lab: LayersLab }) {
  const t = useStorageText();
  const largest = Math.max(0, ...lab.builds.flatMap((b) => b.layers.map((l) => l.size ?? 0)));
  const images = [...new Map(lab.builds.map((b) => [b.tag, b])).values()];
  const pulled = [...new Set(lab.host.containers.filter((c) => !c.built).map((c) => c.image))];
  return (
    <section
      className="panel storage-layers"
      aria-labelledby="storage-layers-title"
      data-testid={STORAGE_TID.layers}
    >
      <h2 id="storage-layers-title">{t.images}</h2>
      {images.length === 0 && <p>{t.noImages}</p>}
      <div className="image-stacks">
        {images.map((b) => (
          <Stack key={b.tag} image={b} lab={lab} largest={largest} />
        ))}
        {pulled.map((name) => (
          <PulledStack key={name} image={name} lab={lab} />
        ))}
      </div>
    </section>
  );
}
