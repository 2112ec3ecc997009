// The header button between the YAML lab and the by-hand console lab.
import { useConsoleText } from './console-text';

export function ByHandToggle({ on, set }: { on: boolean; set: (on: boolean) => void }) {
  const t = useConsoleText();
  return (
    <button type="button" aria-pressed={on} onClick={() => set(!on)}>
      {on ? t.yamlLab : t.byHand}
    </button>
  );
}
