// Every lesson, grouped by module, with the learner's progress in words and icons.
import { formatLessonHash } from '../../services/lesson-route';
import { lessonStatus } from '../../store/lesson-state';
import type { CatalogueEntry } from '../../app-model/lesson-view';
import { useNetlab } from '../use-netlab';
import { fill } from '../i18n';
import { byHandLessonHref } from '../console/lab-mode';
import { TID } from '../testIds';
import { useLessonText, type LessonText } from './lesson-text';
import { ProgressTransfer } from './ProgressTransfer';

/** `a-01-…` → `A1`. */
export const lessonCode = (e: Pick<CatalogueEntry, 'module' | 'order'>): string => `${e.module}${e.order}`;

export function moduleName(t: LessonText, module: string): string {
  const names: Record<string, string> = {
    A: t.moduleA,
    B: t.moduleB,
    C: t.moduleC,
    D: t.moduleD,
    E: t.moduleE,
    F: t.moduleF,
    G: t.moduleG,
    H: t.moduleH,
    I: t.moduleI,
  };
  return names[module] ?? fill(t.moduleOther, { module });
}

const ICON = { done: '✓', started: '◐', new: '○' } as const;

/** `embedded`: inside someone's page, where progress is not kept (so neither exported nor imported). */
export function LessonList({
  headingLevel = 2,
  embedded = false,
}: {
  headingLevel?: 2 | 3;
  embedded?: boolean;
}) {
  const t = useLessonText();
  const locale = useNetlab((s) => s.locale);
  const catalogue = useNetlab((s) => s.lesson.catalogue);
  const progress = useNetlab((s) => s.lesson.progress);
  const present = useNetlab((s) => s.lesson.present);
  const H = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4';
  if (!catalogue) {
    return (
      <p className="help" role="status">
        {t.loadingList}
      </p>
    );
  }
  const modules = [...new Set(catalogue.map((e) => e.module))];
  const done = catalogue.filter((e) => lessonStatus(progress[e.id]) === 'done').length;
  const byId = new Map(catalogue.map((e) => [e.id, e]));
  const words = { done: t.statusDone, started: t.statusStarted, new: t.statusNew };
  return (
    <div className="lesson-list" data-testid={TID.lessonList}>
      <H id="lesson-list-title">{t.lessonList}</H>
      <p className="help">{embedded ? t.listIntroEmbed : t.listIntro}</p>
      <p className="lesson-count">{fill(t.doneCount, { done, total: catalogue.length })}</p>
      {modules.map((m) => (
        <section key={m} aria-labelledby={`module-${m}`}>
          <Sub id={`module-${m}`}>{moduleName(t, m)}</Sub>
          <ul className="lesson-items">
            {catalogue
              .filter((e) => e.module === m)
              .map((e) => {
                const status = lessonStatus(progress[e.id]);
                const before = e.prerequisites.map((p) => (byId.get(p) ? lessonCode(byId.get(p)!) : p));
                return (
                  <li
                    key={e.id}
                    className={`lesson-item status-${status}`}
                    data-testid={TID.lessonItem}
                    data-id={e.id}
                    data-status={status}
                  >
                    <a
                      href={
                        e.console
                          ? byHandLessonHref(e.id)
                          : formatLessonHash({ view: 'lesson', id: e.id, step: null }, present)
                      }
                    >
                      <span className="lesson-code">{lessonCode(e)}</span>{' '}
                      <span lang={locale}>{e.title[locale]}</span>
                    </a>
                    {e.console && <span className="lesson-after">{t.consoleLessonNote}</span>}
                    <span className="lesson-status">
                      <span aria-hidden="true">{ICON[status]}</span> {words[status]}
                    </span>
                    {before.length > 0 && (
                      <span className="lesson-after">{fill(t.after, { list: before.join(', ') })}</span>
                    )}
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
      {!embedded && <ProgressTransfer />}
    </div>
  );
}
