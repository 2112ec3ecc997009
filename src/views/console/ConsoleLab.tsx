// The "By hand" lab: a console per host, the network drawn from the simulator, the state pane,
// start states, a share link and autosave. The state is the log of typed commands.
import { useEffect, useMemo, useState } from 'react';
import { ROOT_NS, linkById, linksIn, type PingReport, type World } from '../../netns';
import { copyText } from '../clipboard';
import { HostConsole, type TranscriptItem } from './HostConsole';
import { ConsoleLessons } from './ConsoleLessons';
import { NetGraph } from './NetGraph';
import { StatePane } from './StatePane';
import {
  decodeConsoleState,
  encodeConsoleState,
  runConsole,
  START_STATES,
  validateConsoleState,
  type ConsoleState,
  type StartName,
} from './console-session';
import { fill, useConsoleText, type ConsoleText } from './console-text';
import { BY_HAND_PARAM, SESSION_PARAM } from './lab-mode';
import './console.css';

export const CONSOLE_STORAGE_KEY = 'netlab.byhand.v1';

function initialState(): { state: ConsoleState; notice?: 'loaded' | 'badLink' } {
  const shared = new URLSearchParams(window.location.search).get(SESSION_PARAM);
  if (shared !== null) {
    const decoded = decodeConsoleState(shared);
    return decoded ? { state: decoded, notice: 'loaded' } : { state: START_STATES.empty, notice: 'badLink' };
  }
  try {
    const saved = window.localStorage.getItem(CONSOLE_STORAGE_KEY);
    const parsed = saved ? validateConsoleState(JSON.parse(saved)) : null;
    if (parsed) return { state: parsed };
  } catch {
    // A broken save starts over.
  }
  return { state: START_STATES.empty };
}

const STARTS: readonly [StartName, keyof ConsoleText][] = [
  ['empty', 'startEmpty'],
  ['two-hosts', 'startTwoHosts'],
  ['notes-midway', 'startNotes'],
];

export function ConsoleLab() {
  const t = useConsoleText();
  const [init] = useState(initialState);
  const [state, setState] = useState<ConsoleState>(init.state);
  const [notice, setNotice] = useState<'loaded' | 'badLink' | 'shared' | 'shareFailed' | undefined>(
    init.notice,
  );
  const [clearedAt, setClearedAt] = useState<Record<string, number>>({});
  const [start, setStart] = useState<StartName>('empty');
  const run = useMemo(() => runConsole(state), [state]);

  useEffect(() => {
    try {
      window.localStorage.setItem(CONSOLE_STORAGE_KEY, JSON.stringify(state));
    } catch {
      // Storage full or blocked: the share link still carries the state.
    }
  }, [state]);

  let lastPing: { report: PingReport; key: number } | undefined;
  for (let i = run.byEntry.length - 1; i >= 0 && !lastPing; i--)
    for (const r of run.byEntry[i]!) if (r.ping) lastPing = { report: r.ping, key: i };

  const items = (host: string): TranscriptItem[] =>
    state.log
      .map((entry, i) => ({ entry, results: run.byEntry[i] ?? [], i }))
      .filter((x) => x.entry.host === host && x.i >= (clearedAt[host] ?? 0));

  const runOn = (host: string, text: string): void => {
    if (/^\s*clear\s*$/.test(text)) {
      setClearedAt((c) => ({ ...c, [host]: state.log.length }));
      return;
    }
    setState((s) => ({ ...s, log: [...s.log, { host, text }] }));
  };

  const share = async (): Promise<void> => {
    const url = new URL(window.location.href);
    url.searchParams.set(BY_HAND_PARAM, '1');
    url.searchParams.set(SESSION_PARAM, encodeConsoleState(state));
    url.hash = '';
    window.history.replaceState(null, '', url);
    setNotice((await copyText(url.toString())) ? 'shared' : 'shareFailed');
  };

  return (
    <div className="console-lab">
      <div className="console-lab-head">
        <h2>{t.heading}</h2>
        <p>{t.intro}</p>
        <div className="console-lab-actions">
          <label>
            {t.start}{' '}
            <select value={start} onChange={(e) => setStart(e.target.value as StartName)}>
              {STARTS.map(([name, text]) => (
                <option key={name} value={name}>
                  {t[text]}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            onClick={() => {
              setState(START_STATES[start]);
              setClearedAt({});
              setNotice(undefined);
            }}
          >
            {t.restart}
          </button>
          <button type="button" onClick={() => void share()}>
            {t.share}
          </button>
          <span role="status">{notice ? t[notice] : ''}</span>
        </div>
      </div>
      <ConsoleLessons
        state={state}
        onStart={(next) => {
          setState(next);
          setClearedAt({});
          setNotice(undefined);
        }}
      />
      <div className="console-lab-body">
        <div className="console-lab-consoles">
          {state.hosts.map((h) => (
            <HostConsole
              key={h}
              host={h}
              items={items(h)}
              world={run.world}
              onRun={(text) => runOn(h, text)}
              onClear={() => setClearedAt((c) => ({ ...c, [h]: state.log.length }))}
            />
          ))}
        </div>
        <div className="console-lab-side">
          <NetGraph
            world={run.world}
            {...(lastPing ? { ping: lastPing.report } : {})}
            pingKey={lastPing?.key ?? -1}
          />
          {!lastPing && <p className="console-muted">{t.noPing}</p>}
          <AsKubernetes world={run.world} />
          <StatePane world={run.world} />
        </div>
      </div>
    </div>
  );
}

/** The same machinery in a CNI plugin's names: cni0, vethXXXXXXXX, a pod's namespace. */
function AsKubernetes({ world }: { world: World }) {
  const t = useConsoleText();
  const [open, setOpen] = useState(false);
  const lines: string[] = [];
  if (open)
    for (const h of world.hosts) {
      for (const l of linksIn(world, { host: h.name, ns: ROOT_NS })) {
        if (l.kind === 'bridge') lines.push(fill(t.k8sBridge, { name: `${h.name}/${l.name}` }));
        if (l.kind === 'veth' && l.peer !== undefined) {
          const peer = linkById(world, l.peer);
          if (peer.ns !== ROOT_NS) lines.push(fill(t.k8sVeth, { name: `${h.name}/${l.name}`, ns: peer.ns }));
        }
      }
      for (const n of world.namespaces)
        if (n.host === h.name && n.name !== ROOT_NS) lines.push(fill(t.k8sNs, { ns: n.name }));
    }
  return (
    <section className="as-kubernetes">
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t.asKubernetes}
      </button>
      {open && (
        <div>
          <h3>{t.k8sHeading}</h3>
          {lines.length === 0 ? (
            <p>{t.k8sNone}</p>
          ) : (
            <ul>
              {lines.map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
