// Test helper: a console lesson folder (module F) read as the CLI would, nested files included.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsoleLessonFiles } from '../lesson/console';
import { LESSONS_DIR } from './lesson';

export function consoleLessonFolder(name: string): ConsoleLessonFiles {
  const root = join(LESSONS_DIR, name);
  const files = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const f of readdirSync(join(root, rel))) {
      const path = rel ? `${rel}/${f}` : f;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else files.set(path, readFileSync(join(root, path), 'utf8'));
    }
  };
  walk('');
  return { dir: `lessons/${name}`, files };
}
