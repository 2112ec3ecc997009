// Panels as tabs, for an embed in a narrow frame (a phone, a course page's side column): the
// graph stays on top and one panel shows below it at a time. The ARIA tabs pattern: arrow keys,
// Home and End move between tabs; only the chosen tab is in the Tab order.
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface EmbedTab {
  readonly id: string;
  readonly label: string;
  readonly content: ReactNode;
}

export function EmbedTabs({ tabs, label }: { tabs: readonly EmbedTab[]; label: string }) {
  const [chosen, setChosen] = useState(tabs[0]?.id ?? '');
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const base = useId();
  const current = tabs.find((t) => t.id === chosen) ?? tabs[0];
  if (!current) return null;
  const move = (e: KeyboardEvent, at: number) => {
    const last = tabs.length - 1;
    const to =
      e.key === 'ArrowRight'
        ? (at + 1) % tabs.length
        : e.key === 'ArrowLeft'
          ? (at + last) % tabs.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : null;
    if (to === null) return;
    e.preventDefault();
    setChosen(tabs[to]!.id);
    buttons.current[to]?.focus();
  };
  return (
    <div className="embed-tabs">
      <div role="tablist" aria-label={label} className="embed-tablist">
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${tab.id}`}
            aria-selected={tab.id === current.id}
            aria-controls={`${base}-panel`}
            tabIndex={tab.id === current.id ? 0 : -1}
            onClick={() => setChosen(tab.id)}
            onKeyDown={(e) => move(e, i)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${base}-panel`}
        aria-labelledby={`${base}-tab-${current.id}`}
        className="embed-tabpanel"
      >
        {current.content}
      </div>
    </div>
  );
}
