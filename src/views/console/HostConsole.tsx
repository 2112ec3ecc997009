// A terminal for one host: the transcript of what was typed there and what it printed, and an
// input line with history (↑/↓), Tab completion, Ctrl+L and copy. Text only, never HTML.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CommandResult, World } from '../../netns';
import { copyText } from '../clipboard';
import { complete } from './console-complete';
import { escapeControls, type ConsoleEntry } from './console-session';
import { fill, useConsoleText } from './console-text';

export interface TranscriptItem {
  readonly entry: ConsoleEntry;
  readonly results: readonly CommandResult[];
}

interface Props {
  readonly host: string;
  readonly items: readonly TranscriptItem[];
  readonly world: World;
  readonly onRun: (text: string) => void;
  readonly onClear: () => void;
}

function transcriptText(host: string, items: readonly TranscriptItem[]): string {
  return items.map((i) => `${host}# ${i.entry.text}\n${i.results.map((r) => r.output).join('')}`).join('');
}

export function HostConsole({ host, items, world, onRun, onClear }: Props) {
  const t = useConsoleText();
  const [line, setLine] = useState('');
  const [options, setOptions] = useState<readonly string[]>([]);
  const [back, setBack] = useState(-1);
  const [copied, setCopied] = useState(false);
  const screen = useRef<HTMLDivElement>(null);
  const history = items.map((i) => i.entry.text);

  useEffect(() => {
    const el = screen.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [items.length]);

  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      if (line.trim() !== '') onRun(line);
      setLine('');
      setOptions([]);
      setBack(-1);
    } else if (e.key === 'ArrowUp' && !line.includes('\n')) {
      e.preventDefault();
      const i = back < 0 ? history.length - 1 : Math.max(0, back - 1);
      if (history[i] !== undefined) {
        setBack(i);
        setLine(history[i]);
      }
    } else if (e.key === 'ArrowDown' && !line.includes('\n')) {
      e.preventDefault();
      if (back < 0) return;
      const i = back + 1;
      setBack(i >= history.length ? -1 : i);
      setLine(i >= history.length ? '' : history[i]!);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      const c = complete(world, host, line);
      setLine(c.line);
      setOptions(c.options);
    } else if (e.key === 'l' && e.ctrlKey) {
      e.preventDefault();
      onClear();
      setOptions([]);
    }
  };

  const copy = async (): Promise<void> => {
    setCopied(await copyText(transcriptText(host, items)));
    setTimeout(() => setCopied(false), 1500);
  };

  return (
    <section className="host-console" aria-label={fill(t.consoleOf, { host })}>
      <header className="host-console-head">
        <h3>{host}</h3>
        <button type="button" onClick={() => void copy()}>
          {copied ? t.copied : t.copy}
        </button>
        <button type="button" onClick={onClear}>
          {t.clear}
        </button>
      </header>
      <div className="host-console-screen" ref={screen} role="log" aria-live="polite">
        {items.map((item, i) => (
          <div key={i} className="console-item">
            <div className="console-prompt">
              <span aria-hidden="true">{host}# </span>
              {escapeControls(item.entry.text)}
            </div>
            {item.results.map((r, j) =>
              r.output ? (
                <pre key={j} className={r.exit === 0 ? 'console-out' : 'console-out failed'}>
                  {escapeControls(r.output)}
                </pre>
              ) : null,
            )}
          </div>
        ))}
        {options.length > 0 && <pre className="console-options">{options.join('  ')}</pre>}
      </div>
      <label className="console-input">
        <span aria-hidden="true">{host}#</span>
        <textarea
          rows={Math.min(8, line.split('\n').length)}
          value={line}
          spellCheck={false}
          autoComplete="off"
          aria-label={fill(t.commandOn, { host })}
          onChange={(e) => setLine(e.target.value)}
          onKeyDown={onKey}
        />
      </label>
    </section>
  );
}
