// Console lessons (module F): load a lesson folder, judge the learner's host scripts.
export * from './types';
export { loadConsoleLesson, type ConsoleLessonFiles, type ConsoleLessonLoad } from './load';
export { checkConsoleLesson, isConsoleSolved, resolvePlace, sessionOf } from './check';
export { verifyConsoleLesson } from './verify';
