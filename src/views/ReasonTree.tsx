// The engine's reasons for a flow as nested lists, in the reader's language: the headline, each
// side's verdict, and under each side the rules (and under a missed rule, why it missed).
import type { FlowReasons, Reason } from '../engine/explain-reasons';
import type { Locale } from '../lib/text';

export function ReasonTree({ reasons, locale }: { reasons: FlowReasons; locale: Locale }) {
  return (
    <div lang={locale}>
      <p className="verdict">{reasons.headline[locale]}</p>
      <ul className="reasons">
        {reasons.sides.map((s) => (
          <li key={s.direction} data-verdict={s.verdict}>
            {s.text[locale]}
            <ReasonList reasons={s.reasons} locale={locale} />
          </li>
        ))}
      </ul>
      {reasons.notes?.map((n, i) => (
        <p key={i} className="help">
          {n[locale]}
        </p>
      ))}
    </div>
  );
}

function ReasonList({ reasons, locale }: { reasons: readonly Reason[]; locale: Locale }) {
  if (reasons.length === 0) return null;
  return (
    <ul>
      {reasons.map((r, i) => (
        <li key={i} data-kind={r.kind}>
          {r.text[locale]}
          <ReasonList reasons={r.reasons} locale={locale} />
        </li>
      ))}
    </ul>
  );
}
