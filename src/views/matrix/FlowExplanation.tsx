// Why the selected flow is allowed or denied, per side, in the learner's language.
import { useState } from 'react';
import { useNetlab } from '../use-netlab';
import { samePort, shownMatrixPort } from '../../store/matrix-port';
import { useUiText } from '../i18n';
import { TID } from '../testIds';
import { ClusterProbe } from './ClusterProbe';

export function FlowExplanation() {
  const t = useUiText();
  const selected = useNetlab((s) => s.selectedFlow);
  const explanation = useNetlab((s) => s.explanation);
  const port = useNetlab(shownMatrixPort);
  const locale = useNetlab((s) => s.locale);
  const modelId = useNetlab((s) => s.view?.model.id);
  const [probeOpen, setProbeOpen] = useState(false);
  // Show the answer only for the question being asked now.
  const current =
    explanation &&
    selected &&
    explanation.flow === selected &&
    port !== null &&
    samePort(explanation.port, port) &&
    explanation.locale === locale &&
    explanation.modelId === modelId
      ? explanation.lines
      : null;

  return (
    <section aria-labelledby="why-title" className="panel" aria-live="polite">
      <h2 id="why-title">{t.explanation}</h2>
      {current ? (
        <div data-testid={TID.explanation}>
          <p className="verdict">{current[0]}</p>
          <ul className="reasons">
            {current.slice(1).map((line, i) => (
              <li
                key={i}
                style={{ marginInlineStart: `${(line.length - line.trimStart().length - 2) * 0.6}em` }}
              >
                {line.trim()}
              </li>
            ))}
          </ul>
          {selected && <ClusterProbe flow={selected} open={probeOpen} onOpenChange={setProbeOpen} />}
        </div>
      ) : (
        <p className="help">{selected ? t.explaining : t.pickFlow}</p>
      )}
    </section>
  );
}
