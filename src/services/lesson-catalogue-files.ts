// Every lesson.yaml in one chunk: the lesson list needs all of them at once (titles, modules,
// order), so one request beats thirty. Imported dynamically by lessons.ts only.
// Console lessons (module F, played in the by-hand lab) are listed from their console-lesson.yaml.
export const CATALOGUE = import.meta.glob<string>(
  ['/lessons/*/lesson.yaml', '/lessons/*/console-lesson.yaml'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);
