// Renders its children once the first model of the scenario exists; until then, says so.
import type { ReactNode } from 'react';
import { useNetlab } from './use-netlab';
import { useUiText } from './i18n';

export function ModelReady({ children }: { children: ReactNode }) {
  const t = useUiText();
  const ready = useNetlab((s) => s.view !== null);
  return ready ? (
    <>{children}</>
  ) : (
    <p className="panel help" role="status">
      {t.modelLoading}
    </p>
  );
}
