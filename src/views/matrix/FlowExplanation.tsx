// Why the selected flow is allowed or denied, per side, in the learner's language.
import { useMemo } from 'react';
import { explainModelFlow } from '../../store/scenario-model';
import { useNetlab, useScenarioModel } from '../../store/use-netlab';
import { useUiText } from '../i18n';
import { TID } from '../testIds';

export function FlowExplanation() {
  const { model } = useScenarioModel();
  const t = useUiText();
  const locale = useNetlab((s) => s.locale);
  const selected = useNetlab((s) => s.selectedFlow);
  const portIndex = Math.min(useNetlab((s) => s.portIndex), model.ports.length - 1);
  const lines = useMemo(
    () => (selected ? explainModelFlow(model, selected.from, selected.to, portIndex, locale) : null),
    [model, selected, portIndex, locale],
  );

  return (
    <section aria-labelledby="why-title" className="panel" aria-live="polite">
      <h2 id="why-title">{t.explanation}</h2>
      {lines ? (
        <div data-testid={TID.explanation}>
          <p className="verdict">{lines[0]}</p>
          <ul className="reasons">
            {lines.slice(1).map((line, i) => (
              <li key={i} style={{ marginInlineStart: `${(line.length - line.trimStart().length - 2) * 0.6}em` }}>
                {line.trim()}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="help">{t.pickFlow}</p>
      )}
    </section>
  );
}
