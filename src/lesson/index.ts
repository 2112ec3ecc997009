// The lesson system's public API, for the CLI, the store and the page (not for src/lesson itself).
export type * from './types';
export {
  loadLesson,
  readLessonHeader,
  LESSON_ID,
  type LessonHeader,
  LESSON_FILE,
  LOCALES,
  type LessonFiles,
  type LessonLoad,
  type LoadOptions,
  type ScenarioReport,
} from './load-lesson';
export { checkChallenge, isSolved, type CheckOptions } from './check';
export { checkCatalogue, sortLessons } from './catalogue';
export { endpointKeyOf, parsePort } from './refs';
export { objectLabel } from './object-label';
