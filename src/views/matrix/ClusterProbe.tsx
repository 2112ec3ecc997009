// "Check it on a real cluster": the kubectl command that tries the chosen flow on the learner's
// own cluster, and what netlab expects it to print. netlab predicts; the CNI decides.
import { useState } from 'react';
import { probeCommand } from '../../model/cluster-probe';
import { isAllowed } from '../../app-model/model-view';
import type { FlowSelection } from '../../store/netlab-store';
import { useNetlab, useScenarioModel } from '../use-netlab';
import { useMatrixPort } from '../use-matrix-port';
import { copyText } from '../clipboard';
import { useUiText } from '../i18n';
import { TID } from '../testIds';

/** `open`/`onOpenChange`: kept by the parent, so the section stays open from one flow to the next. */
export function ClusterProbe({
  flow,
  open,
  onOpenChange,
}: {
  flow: FlowSelection;
  open: boolean;
  onOpenChange(open: boolean): void;
}) {
  const t = useUiText();
  const { model } = useScenarioModel();
  const locale = useNetlab((s) => s.locale);
  const { index: pi } = useMatrixPort();
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const port = model.ports[pi];
  const s = model.endpoints.findIndex((e) => e.key === flow.from);
  const d = model.endpoints.findIndex((e) => e.key === flow.to);
  if (!port || s < 0 || d < 0) return null;
  const probe = probeCommand(model.topology, flow.from, flow.to, port);
  const allowed = isAllowed(model, pi, s, d);
  const copy = async (text: string) => setCopied((await copyText(text)) ? 'ok' : 'failed');
  return (
    <details
      className="probe"
      data-testid={TID.probe}
      open={open}
      onToggle={(e) => {
        setCopied(null);
        onOpenChange(e.currentTarget.open);
      }}
    >
      <summary>{t.probeTitle}</summary>
      {'reason' in probe ? (
        <p className="help">{probe.reason[locale]}</p>
      ) : (
        <>
          <p className="help">{t.probeHow}</p>
          <pre className="probe-command" data-testid={TID.probeCommand}>
            <code>{probe.command}</code>
          </pre>
          {probe.leftOut.length > 0 && (
            <ul className="help probe-left-out">
              {probe.leftOut.map((l) => (
                <li key={l.label}>
                  <code>{l.label}</code> {locale === 'ko' ? '— 빼 둔 레이블: ' : '— left out: '}
                  {l.why[locale]}
                </li>
              ))}
            </ul>
          )}
          {probe.caution && <p className="help">{probe.caution[locale]}</p>}
          <p>
            <button type="button" onClick={() => void copy(probe.command)}>
              {t.probeCopy}
            </button>{' '}
            <span role="status">
              {copied === 'ok' ? t.probeCopied : copied === 'failed' ? t.probeCopyFailed : ''}
            </span>
          </p>
          <p data-testid={TID.probeExpect}>{allowed ? t.probeExpectAllowed : t.probeExpectDenied}</p>
        </>
      )}
    </details>
  );
}
