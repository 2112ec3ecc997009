// The lessons as a whole: ordered by module and order, prerequisites that exist and do not
// loop, no two lessons in the same place.
import type { Diagnostic } from '../lib/diagnostic';
import { LESSON_FILE } from './lesson-context';
import type { Lesson } from './types';
import { t } from '../lib/text';

/** Module, then order. */
export function sortLessons(lessons: readonly Lesson[]): Lesson[] {
  return [...lessons].sort((a, b) =>
    a.module === b.module ? a.order - b.order : a.module < b.module ? -1 : 1,
  );
}

/** Problems only visible across lessons: duplicate places and prerequisite cycles. */
export function checkCatalogue(lessons: readonly Lesson[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (l: Lesson) => ({ file: `${l.dir}/${LESSON_FILE}`, line: 1, col: 1 });
  const places = new Map<string, Lesson>();
  for (const l of sortLessons(lessons)) {
    const key = `${l.module}-${l.order}`;
    const other = places.get(key);
    if (other)
      out.push({
        ...at(l),
        severity: 'error',
        code: 'lesson-order',
        message: t(
          `module ${l.module} already has a lesson ${l.order}: ${other.id}`,
          `${l.module} 모듈에는 이미 ${l.order}번 레슨이 있습니다: ${other.id}`,
        ),
      });
    places.set(key, l);
  }
  const byId = new Map(lessons.map((l) => [l.id, l]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (l: Lesson, trail: string[]): void => {
    if (state.get(l.id) === 'done') return;
    if (state.get(l.id) === 'visiting') {
      const loop = [...trail.slice(trail.indexOf(l.id)), l.id].join(' → ');
      out.push({
        ...at(l),
        severity: 'error',
        code: 'prerequisite-cycle',
        message: t(`prerequisites go round in a circle: ${loop}`, `선수 레슨이 순환합니다: ${loop}`),
      });
      return;
    }
    state.set(l.id, 'visiting');
    for (const p of l.prerequisites) {
      const next = byId.get(p);
      if (next) visit(next, [...trail, l.id]);
    }
    state.set(l.id, 'done');
  };
  for (const l of lessons) visit(l, []);
  return out;
}
