// Whether to move things: off when the system asks for reduced motion, or with ?motion=off.
import { useEffect, useState } from 'react';

const query = '(prefers-reduced-motion: reduce)';
const forcedOff = (): boolean =>
  new URLSearchParams(globalThis.location?.search ?? '').get('motion') === 'off';

export function usePrefersReducedMotion(): boolean {
  const [reduced, setReduced] = useState(
    () => forcedOff() || (globalThis.matchMedia?.(query).matches ?? false),
  );
  useEffect(() => {
    const mq = globalThis.matchMedia?.(query);
    if (!mq) return;
    const onChange = () => setReduced(forcedOff() || mq.matches);
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);
  return reduced;
}
