// Every file of the console lessons (module F) in one chunk, grouped by lesson folder; loaded
// only when the by-hand lab's lesson list opens.
import type { ConsoleLessonFiles } from '../lesson/console';

const FILES = import.meta.glob<string>('/lessons/f-*/**/*', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export function consoleLessonFolders(): ConsoleLessonFiles[] {
  const byDir = new Map<string, Map<string, string>>();
  for (const [path, text] of Object.entries(FILES)) {
    const m = /^\/lessons\/(f-[^/]+)\/(.+)$/.exec(path);
    if (!m) continue;
    const files = byDir.get(m[1]!) ?? new Map<string, string>();
    files.set(m[2]!, text);
    byDir.set(m[1]!, files);
  }
  return [...byDir.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([dir, files]) => ({ dir: `lessons/${dir}`, files }));
}
