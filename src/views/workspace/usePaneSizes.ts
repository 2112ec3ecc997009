// The workspace's pane sizes as React state, read once from the pane-size service and written
// back (after a pause) whenever the learner moves a splitter.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  clampPane,
  readPaneSizes,
  writePaneSizes,
  type PaneName,
  type PaneSizes,
} from '../../services/pane-sizes';

const storage = (): Storage | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
};

export function usePaneSizes(): [PaneSizes, (name: PaneName, value: number) => void] {
  const [sizes, setSizes] = useState<PaneSizes>(() => readPaneSizes(storage()));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => writePaneSizes(storage(), sizes), 200);
    return () => clearTimeout(timer.current);
  }, [sizes]);
  const set = useCallback(
    (name: PaneName, value: number) => setSizes((s) => ({ ...s, [name]: clampPane(name, value) })),
    [],
  );
  return [sizes, set];
}
