// What the lab's first bundle knows of lessons: the header buttons and a placeholder for the
// player, which is its own chunk (React.lazy), loaded the first time a lesson or the list opens.
import { lazy, Suspense } from 'react';
import { useNetlab } from '../use-netlab';
import { useUiText } from '../i18n';
import { TID } from '../testIds';

const LessonPlayer = lazy(() => import('./LessonPlayer'));

/** "Lessons" opens the list (or closes the panel); "Presenter mode" toggles large type. */
export function LessonButtons() {
  const t = useUiText();
  const open = useNetlab((s) => s.lesson.route.view !== 'lab');
  const present = useNetlab((s) => s.lesson.present);
  const setLessonRoute = useNetlab((s) => s.setLessonRoute);
  const setPresenting = useNetlab((s) => s.setPresenting);
  return (
    <div className="lesson-buttons">
      <button
        type="button"
        data-testid={TID.lessonsOpen}
        aria-expanded={open}
        aria-controls={open ? 'lesson-panel' : undefined}
        onClick={() => setLessonRoute(open ? { view: 'lab' } : { view: 'list' })}
      >
        {t.lessons}
      </button>
      <button
        type="button"
        data-testid={TID.presenter}
        aria-pressed={present}
        onClick={() => setPresenting(!present)}
      >
        {t.presenter}
      </button>
    </div>
  );
}

/**
 * The lesson panel, while the route shows the list or a lesson. `embedded`: inside someone's
 * page, where the panel is the author's choice (no close button) and progress is not kept.
 */
export function LessonArea({ embedded = false }: { embedded?: boolean }) {
  const t = useUiText();
  return (
    <Suspense
      fallback={
        <p className="panel help" role="status" aria-busy="true">
          {t.lessonLoading}
        </p>
      }
    >
      <LessonPlayer embedded={embedded} />
    </Suspense>
  );
}
