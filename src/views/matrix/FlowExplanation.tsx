// Why the selected flow is allowed or denied, per side, in the learner's language.
import { useState } from 'react';
import { currentExplanation } from '../../store/explanation';
import { useNetlab, useScenarioModel } from '../use-netlab';
import { effectiveVerdict, notEnforcedBanner } from '../../model/enforcement';
import { useUiText } from '../i18n';
import { ReasonTree } from '../ReasonTree';
import { TID } from '../testIds';
import { ClusterProbe } from './ClusterProbe';
import { flowKey } from '../../app-model/model-view';
import { isRevealed } from '../../store/predict-state';
import { useWorkspaceText } from '../workspace/workspace-text';

export function FlowExplanation() {
  const t = useUiText();
  const selected = useNetlab((s) => s.selectedFlow);
  // Shown only while it answers the question asked now (flow, port, model).
  const reasons = useNetlab(currentExplanation);
  const locale = useNetlab((s) => s.locale);
  const [probeOpen, setProbeOpen] = useState(false);
  // "Predict first": the reasons give the verdict away, so they wait for the cell's reveal.
  const hidden = useNetlab(
    (s) =>
      s.predict.on &&
      s.selectedFlow !== null &&
      s.explanation !== null &&
      !isRevealed(s.predict, flowKey(s.selectedFlow.from, s.selectedFlow.to, s.explanation.question.port)),
  );
  const w = useWorkspaceText();
  const { model } = useScenarioModel();
  const cni = model.topology.profile.cni;
  // The same decision as the matrix cell: under flannel or bridge a denial is not what happens.
  const enforcement = reasons ? effectiveVerdict(reasons.allowed, cni) : null;
  if (hidden)
    return (
      <section aria-labelledby="why-title" className="panel" aria-live="polite">
        <h2 id="why-title">{t.explanation}</h2>
        <p className="help">{w.predictHelp}</p>
      </section>
    );

  return (
    <section aria-labelledby="why-title" className="panel" aria-live="polite">
      <h2 id="why-title">{t.explanation}</h2>
      {reasons ? (
        <div data-testid={TID.explanation}>
          <ReasonTree reasons={reasons} locale={locale} />
          {enforcement && !enforcement.enforced && (
            <p className="not-enforced-banner" role="note" data-testid={TID.explanationNotEnforced}>
              {enforcement.note ? <strong>{enforcement.note[locale]}. </strong> : null}
              {notEnforcedBanner(cni)[locale]}
            </p>
          )}
          {selected && <ClusterProbe flow={selected} open={probeOpen} onOpenChange={setProbeOpen} />}
        </div>
      ) : (
        <p className="help">{selected ? t.explaining : t.pickFlow}</p>
      )}
    </section>
  );
}
