// Why the selected flow is allowed or denied, per side, in the learner's language.
import { useState } from 'react';
import { currentExplanation } from '../../store/explanation';
import { useNetlab } from '../use-netlab';
import { useUiText } from '../i18n';
import { ReasonTree } from '../ReasonTree';
import { TID } from '../testIds';
import { ClusterProbe } from './ClusterProbe';

export function FlowExplanation() {
  const t = useUiText();
  const selected = useNetlab((s) => s.selectedFlow);
  // Shown only while it answers the question asked now (flow, port, model).
  const reasons = useNetlab(currentExplanation);
  const locale = useNetlab((s) => s.locale);
  const [probeOpen, setProbeOpen] = useState(false);

  return (
    <section aria-labelledby="why-title" className="panel" aria-live="polite">
      <h2 id="why-title">{t.explanation}</h2>
      {reasons ? (
        <div data-testid={TID.explanation}>
          <ReasonTree reasons={reasons} locale={locale} />
          {selected && <ClusterProbe flow={selected} open={probeOpen} onOpenChange={setProbeOpen} />}
        </div>
      ) : (
        <p className="help">{selected ? t.explaining : t.pickFlow}</p>
      )}
    </section>
  );
}
