// Files dropped anywhere on the lab page open as scenes (an exported PNG or SVG, or YAML); the
// share panel says what happened. Drags of anything but files (text into the editor) are left alone.
import type { NetlabStore } from '../store/netlab-store';
import { openSceneFile } from './share';

/** Listens on `win` for dropped files; returns the function that stops listening. */
export function startFileDrop(
  store: NetlabStore,
  win: Pick<Window, 'addEventListener' | 'removeEventListener'>,
): () => void {
  // Without preventDefault on dragover the browser would not fire drop: it would open the file.
  const over = (e: DragEvent) => {
    if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
  };
  const drop = (e: DragEvent) => {
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    e.preventDefault();
    void openSceneFile(store, file, 'drop');
  };
  win.addEventListener('dragover', over);
  win.addEventListener('drop', drop);
  return () => {
    win.removeEventListener('dragover', over);
    win.removeEventListener('drop', drop);
  };
}
