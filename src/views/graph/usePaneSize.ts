// The size of the graph's <svg> in CSS px, as a ResizeObserver reports it (null until the first
// report, or without ResizeObserver): the lab lays the scene out to it (layout/fit-layout.ts).
import { useEffect, useState, type RefObject } from 'react';
import type { Size } from '../../layout/fit-layout';

export function usePaneSize(ref: RefObject<Element | null>): Size | null {
  const [size, setSize] = useState<Size | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]!.contentRect;
      setSize((s) =>
        s && s.width === box.width && s.height === box.height ? s : { width: box.width, height: box.height },
      );
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}
