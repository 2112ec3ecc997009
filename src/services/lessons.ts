// Lesson files, discovered at build time and fetched on demand. Each Markdown and scenario file
// of `lessons/<id>/` is its own small chunk, loaded only when its lesson opens; every lesson.yaml
// sits in one catalogue chunk, loaded when the list or a lesson is first needed. Parsing happens
// in the model worker. Only the lesson service imports this module, so none of it reaches the
// page's first bundle.

/** Every file of every lesson except lesson.yaml (that one comes with the catalogue). */
const FILES = import.meta.glob<string>(['/lessons/*/*', '!/lessons/*/lesson.yaml'], {
  query: '?raw',
  import: 'default',
});
const LESSON_FILE = 'lesson.yaml';
const CONSOLE_LESSON_FILE = 'console-lesson.yaml';

const catalogueChunk = () => import('./lesson-catalogue-files').then((m) => m.CATALOGUE);

/** `/lessons/a-01-x/start.yaml` → ['a-01-x', 'start.yaml']. */
function split(path: string): [string, string] | null {
  const m = /^\/lessons\/([^/]+)\/([^/]+)$/.exec(path);
  return m ? [m[1]!, m[2]!] : null;
}

/**
 * Every lesson.yaml text, by folder (`lessons/<id>`), sorted by folder; a console lesson's
 * console-lesson.yaml marked `console` (it is played in the by-hand lab, not the lesson player).
 */
export async function loadCatalogueFiles(
  catalogue: Readonly<Record<string, string>> | null = null,
): Promise<{ dir: string; text: string; console?: true }[]> {
  const all = catalogue ?? (await catalogueChunk());
  return Object.entries(all)
    .flatMap(([path, text]) => {
      const p = split(path);
      if (p && p[1] === LESSON_FILE) return [{ dir: `lessons/${p[0]}`, text }];
      if (p && p[1] === CONSOLE_LESSON_FILE)
        return [{ dir: `lessons/${p[0]}`, text, console: true as const }];
      return [];
    })
    .sort((a, b) => (a.dir < b.dir ? -1 : 1));
}

/** Every file of one lesson folder as [name, text], or null when there is no such lesson. */
export async function loadLessonFiles(
  id: string,
  sources: {
    readonly catalogue?: Readonly<Record<string, string>>;
    readonly files?: Readonly<Record<string, () => Promise<string>>>;
  } = {},
): Promise<[string, string][] | null> {
  const catalogue = sources.catalogue ?? (await catalogueChunk());
  const lessonYaml = catalogue[`/lessons/${id}/${LESSON_FILE}`];
  if (lessonYaml === undefined) return null;
  const rest = Object.entries(sources.files ?? FILES).flatMap(([path, load]) => {
    const p = split(path);
    return p && p[0] === id && p[1] !== LESSON_FILE ? [[p[1], load] as const] : [];
  });
  const texts = await Promise.all(
    rest.map(async ([name, load]): Promise<[string, string]> => [name, await load()]),
  );
  return [[LESSON_FILE, lessonYaml], ...texts];
}
