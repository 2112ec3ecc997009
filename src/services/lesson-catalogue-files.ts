// Every lesson.yaml in one chunk: the lesson list needs all of them at once (titles, modules,
// order), so one request beats thirty. Imported dynamically by lessons.ts only.
export const CATALOGUE = import.meta.glob<string>('/lessons/*/lesson.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});
