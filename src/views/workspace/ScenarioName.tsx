// The page header's name of the scenario on screen: the built-in example, a lesson's (code and
// title), an opened file's name, a shared link, or the learner's own — always what the graph shows.
import { useNetlab } from '../use-netlab';
import { useWorkspaceText } from './workspace-text';

/** "A5": as the lesson list writes it (not imported: the list is in the lazy lesson chunk). */
const codeOf = (e: { readonly module: string; readonly order: number }) => `${e.module}${e.order}`;

export function ScenarioName() {
  const t = useWorkspaceText();
  const source = useNetlab((s) => s.scenarioSource);
  const locale = useNetlab((s) => s.locale);
  const edited = useNetlab(
    (s) =>
      s.scenarioSource.kind === 'lesson' &&
      s.lesson.loadedText !== null &&
      s.scenarioText !== s.lesson.loadedText,
  );
  const entry = useNetlab((s) =>
    source.kind === 'lesson'
      ? (s.lesson.catalogue?.find((e) => e.id === source.lessonId) ??
        (s.lesson.current?.id === source.lessonId ? s.lesson.current : undefined))
      : undefined,
  );
  const name =
    source.kind === 'default'
      ? t.scenarioDefault
      : source.kind === 'own'
        ? t.scenarioOwn
        : source.kind === 'link'
          ? t.scenarioLink
          : source.kind === 'file'
            ? source.name
            : entry
              ? `${codeOf(entry)} ${entry.title[locale]}`
              : source.lessonId;
  return (
    <p className="scenario-name" aria-live="polite">
      <span className="scenario-name-label">{t.scenarioLabel}:</span> <strong title={name}>{name}</strong>
      {edited && <span className="scenario-name-edited"> ({t.scenarioEdited})</span>}
    </p>
  );
}
