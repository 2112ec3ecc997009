// The volumes lab's drawing: one column per kind (Pods → PVCs → PVs → StorageClasses →
// provisioner → backing storage), boxes coloured by state, links drawn with d3-shape. React owns
// every element; positions come from volumesScene (pure).
import { clip } from '../../lib/user-text';
import { linkHorizontal } from 'd3';
import { type LocalText } from '../../lib/text';
import {
  BOX_HEIGHT,
  BOX_WIDTH,
  SCENE_COLUMNS,
  type SceneBox,
  type VolumesScene,
} from '../../storage/volumes-scene';
import { useNetlab } from '../use-netlab';
import { STORAGE_TID, useStorageText } from './storage-text';

const HEADER = 28;
const path = linkHorizontal<{ source: [number, number]; target: [number, number] }, [number, number]>();

export function VolumesDrawing({
  scene,
  why,
}: {
  scene: VolumesScene;
  why: (box: SceneBox) => LocalText | undefined;
}) {
  const t = useStorageText();
  const locale = useNetlab((s) => s.locale);
  const byId = new Map(scene.boxes.map((b) => [b.id, b]));
  return (
    <figure className="panel storage-drawing" data-testid={STORAGE_TID.drawing} aria-label={t.drawingLabel}>
      <figcaption className="storage-drawing-caption">{t.drawing}</figcaption>
      <div className="storage-drawing-scroll">
        <svg width={scene.width} height={scene.height + HEADER} role="img" aria-label={t.drawingLabel}>
          {SCENE_COLUMNS.map((c, i) => (
            <text
              key={c}
              className="storage-column"
              x={16 + i * (BOX_WIDTH + 60) + BOX_WIDTH / 2}
              y={18}
              textAnchor="middle"
            >
              {t.columns[i]}
            </text>
          ))}
          <g transform={`translate(0, ${HEADER})`}>
            {scene.links.map((l) => {
              const a = byId.get(l.from);
              const b = byId.get(l.to);
              if (!a || !b) return null;
              const d = path({
                source: [a.x + BOX_WIDTH, a.y + BOX_HEIGHT / 2],
                target: [b.x, b.y + BOX_HEIGHT / 2],
              });
              return <path key={`${l.from}>${l.to}`} className={`storage-link link-${l.kind}`} d={d ?? ''} />;
            })}
            {scene.boxes.map((b) => {
              const reason = why(b);
              return (
                <g
                  key={b.id}
                  className={`storage-box box-${b.kind} state-${b.state.toLowerCase()}`}
                  transform={`translate(${b.x}, ${b.y})`}
                  data-testid={b.kind === 'claim' ? STORAGE_TID.claim : STORAGE_TID.box}
                  data-id={b.name}
                  data-kind={b.kind}
                  data-state={b.state}
                >
                  <title>{reason ? `${b.name}: ${reason[locale]}` : b.name}</title>
                  <rect width={BOX_WIDTH} height={BOX_HEIGHT} rx={6} />
                  <text x={8} y={18} className="box-name">
                    {clip(b.name, 24)}
                  </text>
                  <text x={8} y={36} className="box-detail">
                    {b.state} {clip(b.detail, 22)}
                  </text>
                </g>
              );
            })}
          </g>
        </svg>
      </div>
    </figure>
  );
}
