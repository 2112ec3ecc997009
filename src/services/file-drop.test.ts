// Files dropped on the page, in Node: a real EventTarget stands for the window, and the drag
// events carry what a browser's DataTransfer would.
import { describe, expect, it } from 'vitest';
import { createNetlabStore } from '../store/netlab-store';
import { until } from '../testing/until';
import { startFileDrop } from './file-drop';

const DEFAULT = '# the built-in scenario\n';
const DROPPED = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n';

/** A drag event as the browser fires it: cancelable, with the dragged types and files. */
const drag = (type: 'dragover' | 'drop', types: string[], files: File[] = []) =>
  Object.assign(new Event(type, { cancelable: true }), { dataTransfer: { types, files } });

describe('dropping files on the page', () => {
  it('a dropped file opens as the scene, and the share panel says so', async () => {
    const win = new EventTarget();
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    const stop = startFileDrop(store, win as unknown as Window);
    const over = drag('dragover', ['Files']);
    win.dispatchEvent(over);
    expect(over.defaultPrevented).toBe(true); // else the browser opens the file itself
    const drop = drag('drop', ['Files'], [new File([DROPPED], 'shop.yaml')]);
    win.dispatchEvent(drop);
    expect(drop.defaultPrevented).toBe(true);
    await until(store, (s) => s.share.notice !== null, 'the file');
    expect(store.getState().scenarioText).toBe(DROPPED);
    expect(store.getState().share.notice).toEqual({ kind: 'opened', file: 'shop.yaml' });
    stop();
  });

  it('leaves drags of text alone (they belong to the editor), and stops listening when stopped', async () => {
    const win = new EventTarget();
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    const stop = startFileDrop(store, win as unknown as Window);
    const text = drag('dragover', ['text/plain']);
    win.dispatchEvent(text);
    expect(text.defaultPrevented).toBe(false);
    const noFile = drag('drop', ['text/plain']);
    win.dispatchEvent(noFile);
    expect(noFile.defaultPrevented).toBe(false);
    stop();
    const late = drag('drop', ['Files'], [new File([DROPPED], 'late.yaml')]);
    win.dispatchEvent(late);
    expect(late.defaultPrevented).toBe(false);
    await new Promise((r) => setTimeout(r, 10));
    expect(store.getState().scenarioText).toBe(DEFAULT);
    expect(store.getState().share.notice).toBeNull();
  });
});
