// Chooses the lab on screen: networking, Kubernetes volumes or image layers (a tab list in the
// header). The URL follows (#/storage, #/layers), so a link opens the same lab.
import { LAB_MODES, type LabMode } from '../../store/storage-lab';
import { useNetlab } from '../use-netlab';
import { STORAGE_TID, useStorageText } from './storage-text';

export function LabSwitch() {
  const t = useStorageText();
  const mode = useNetlab((s) => s.storageLab.mode);
  const setMode = useNetlab((s) => s.setLabMode);
  const label: Record<LabMode, string> = { network: t.network, volumes: t.volumes, layers: t.layers };
  return (
    <div role="tablist" aria-label={t.labSwitch} className="lab-switch" data-testid={STORAGE_TID.labSwitch}>
      {LAB_MODES.map((m) => (
        <button
          key={m}
          type="button"
          role="tab"
          aria-selected={mode === m}
          data-id={m}
          className={mode === m ? 'active' : ''}
          onClick={() => setMode(m)}
        >
          {label[m]}
        </button>
      ))}
    </div>
  );
}
