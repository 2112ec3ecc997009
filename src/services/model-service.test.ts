import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FromModelWorker, ModelChannel, ToModelWorker } from '../app-model/model-protocol';
import { createNetlabStore, type NetlabStore } from '../store/netlab-store';
import { currentExplanation } from '../store/explanation';
import { explanationLines } from '../engine/explain-text';
import { inlineChannel } from '../app-model/inline-model-channel';
import { startModelService } from './model-service';
import { currentFrame } from './share';
import { missingMatrixPort, shownMatrixPort } from '../store/matrix-port';

/** The why-panel's lines now, in the page's language (none while the answer is stale). */
const shownLines = (store: NetlabStore): string[] => {
  const s = store.getState();
  const reasons = currentExplanation(s);
  return reasons ? explanationLines(reasons, s.locale) : [];
};

const DEFAULT = readFileSync(join(import.meta.dirname, '../scenarios/default.yaml'), 'utf8');
const settle = () => new Promise((r) => setTimeout(r, 0));

/** An inline channel that records what the page sent. */
function recording(): ModelChannel & { sent: ToModelWorker[]; restarts: number } {
  const inner = inlineChannel();
  const sent: ToModelWorker[] = [];
  const out = {
    sent,
    restarts: 0,
    post: (m: ToModelWorker) => (sent.push(m), inner.post(m)),
    onMessage: (h: (m: FromModelWorker) => void) => inner.onMessage(h),
    restart: () => {
      out.restarts++;
      inner.restart();
    },
    close: () => inner.close(),
  };
  return out;
}

describe('model service', () => {
  it('derives the view from the text, and follows edits', async () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    const stop = startModelService(store, inlineChannel());
    expect(store.getState().view).toBeNull();
    await settle();
    expect(store.getState().view!.text).toBe(DEFAULT);
    store.getState().setScenarioText(DEFAULT + '\n# edit\n');
    await settle();
    expect(store.getState().view!.text).toBe(DEFAULT + '\n# edit\n');
    stop();
  });

  it('coalesces texts typed while the worker is busy: only the latest is sent', async () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    const channel = recording();
    startModelService(store, channel);
    for (const c of 'abcdef') store.getState().setScenarioText(DEFAULT + `\n# ${c}\n`);
    await settle();
    await settle();
    expect(
      channel.sent.filter((m) => m.type === 'update').map((m) => (m as { text: string }).text.slice(-4)),
    ).toEqual([DEFAULT.slice(-4), '# f\n']);
    expect(store.getState().view!.text).toBe(DEFAULT + '\n# f\n');
  });

  it('pinning a version sends it with the text, and the marks then count from it', async () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    const channel = recording();
    startModelService(store, channel);
    await settle();
    store.getState().pinBaseline(1000);
    expect(store.getState().baseline).toEqual({ text: DEFAULT, pinnedAt: 1000 });
    await settle();
    const updates = () =>
      channel.sent.filter((m): m is Extract<ToModelWorker, { type: 'update' }> => m.type === 'update');
    expect(updates().at(-1)).toEqual({ type: 'update', text: DEFAULT, baseline: DEFAULT });
    const toWeb = DEFAULT.replace('          role: backend\n    ports:', '          role: web\n    ports:');
    store.getState().setScenarioText(toWeb);
    await settle();
    store.getState().setScenarioText(toWeb + '\n# later\n');
    await settle();
    await settle();
    expect(store.getState().view!.changes.size).toBe(2);
    store.getState().unpinBaseline();
    await settle();
    expect(updates().at(-1)).toEqual({ type: 'update', text: toWeb + '\n# later\n', baseline: null });
    expect(store.getState().view!.changes.size).toBe(0);
  });

  it('a text with errors cannot be pinned', async () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    startModelService(store, inlineChannel());
    await settle();
    store.getState().setScenarioText('kind: [\n');
    await settle();
    store.getState().pinBaseline(1);
    expect(store.getState().baseline).toBeNull();
  });

  it('explains the selected flow, and again when the language or the model changes', async () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    startModelService(store, inlineChannel());
    await settle();
    store.getState().setMatrixPort({ port: 3306, protocol: 'TCP' });
    store.getState().selectFlow({ from: 'prod/web', to: 'prod/db' });
    await settle();
    expect(shownLines(store)[0]).toBe('prod/web → prod/db 3306/TCP: ✗ denied');
    store.getState().setLocale('ko');
    await settle();
    expect(shownLines(store)[0]).toContain('✗ 차단');
    store
      .getState()
      .setScenarioText(
        DEFAULT.replace('          role: backend\n    ports:', '          role: web\n    ports:'),
      );
    await settle();
    await settle();
    expect(shownLines(store)[0]).toContain('✓ 허용');
  });

  it('asks once per flow, port and model: the answer carries both languages', async () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    const channel = recording();
    startModelService(store, channel);
    await settle();
    const explains = () => channel.sent.filter((m) => m.type === 'explain');
    store.getState().selectFlow({ from: 'prod/web', to: 'prod/db' });
    await settle();
    expect(explains()).toHaveLength(1);
    store.getState().setLocale('ko');
    await settle();
    expect(explains()).toHaveLength(1);
    expect(shownLines(store)[0]).toContain('✗ 차단');
    store.getState().setMatrixPort({ port: 5000, protocol: 'TCP' });
    await settle();
    expect(explains()).toHaveLength(2);
  });

  const MYSQL = { port: 3306, protocol: 'TCP' } as const;
  /** The web pod declares 8080 too: 3306 moves from third to fourth place in the ports. */
  const WITH_8080 = DEFAULT.replace(
    '      containerPort: 80\n',
    '      containerPort: 80\n    - containerPort: 8080\n',
  );

  it('an edit that adds a port keeps the matrix, the explanation and the share link on the chosen port', async () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    const channel = recording();
    startModelService(store, channel);
    await settle();
    expect(store.getState().view!.model.ports.map((p) => p.port)).toEqual([80, 5000, 3306]);
    store.getState().setMatrixPort(MYSQL);
    store.getState().selectFlow({ from: 'prod/backend', to: 'prod/db' });
    await settle();
    expect(store.getState().explanation!.reasons!.headline.en).toBe(
      'prod/backend → prod/db 3306/TCP: ✓ allowed',
    );
    store.getState().setScenarioText(WITH_8080);
    await settle();
    await settle();
    const s = store.getState();
    expect(s.view!.model.ports.map((p) => p.port)).toEqual([80, 8080, 5000, 3306]);
    expect(shownMatrixPort(s)).toEqual(MYSQL);
    expect(missingMatrixPort(s)).toBeNull();
    expect(s.explanation!.question).toMatchObject({ port: MYSQL, modelId: s.view!.model.id });
    expect(s.explanation!.reasons!.headline.en).toBe('prod/backend → prod/db 3306/TCP: ✓ allowed');
    expect(currentFrame(s).port).toEqual(MYSQL);
    // The worker is asked about the port itself, never a place in a list.
    const explains = channel.sent.filter((m) => m.type === 'explain');
    expect(explains.map((m) => m.port)).toEqual([MYSQL, MYSQL]);
  });

  it('when no pod declares the chosen port any more, the first port stands in and the lost one is named', async () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    startModelService(store, inlineChannel());
    await settle();
    store.getState().setMatrixPort(MYSQL);
    store.getState().selectFlow({ from: 'prod/backend', to: 'prod/db' });
    store.getState().setScenarioText(DEFAULT.replace('containerPort: 3306', 'containerPort: 3307'));
    await settle();
    await settle();
    let s = store.getState();
    expect(missingMatrixPort(s)).toEqual(MYSQL);
    expect(shownMatrixPort(s)).toEqual({ port: 80, protocol: 'TCP' });
    expect(s.explanation!.reasons!.headline.en).toBe('prod/backend → prod/db 80/TCP: ✗ denied');
    expect(currentFrame(s).port).toEqual({ port: 80, protocol: 'TCP' });
    // The choice was kept: typing the port back brings the matrix back to it.
    store.getState().setScenarioText(DEFAULT);
    await settle();
    await settle();
    s = store.getState();
    expect(missingMatrixPort(s)).toBeNull();
    expect(shownMatrixPort(s)).toEqual(MYSQL);
    expect(s.explanation!.reasons!.headline.en).toBe('prod/backend → prod/db 3306/TCP: ✓ allowed');
  });

  it('Cancel on a slow text restarts the engine and brings the replaced text back, never building the slow one', async () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    const channel = recording();
    const built: string[] = [];
    channel.onMessage((m) => m.type === 'view' && built.push(m.view.text));
    startModelService(store, channel);
    await settle();
    const mine = DEFAULT + '\n# mine\n';
    store.getState().setScenarioText(mine);
    await settle();
    const big = DEFAULT + '\n# a big dump\n';
    store.getState().replaceScenario(big);
    store.getState().cancelModel(); // before the engine answered
    await settle();
    await settle();
    expect(channel.restarts).toBe(1);
    expect(store.getState().scenarioText).toBe(mine);
    expect(store.getState().view!.text).toBe(mine);
    expect(built).not.toContain(big);
    expect(store.getState().modelProgress).toBeNull();
  });

  it('Cancel without a text to go back to opens the built-in scenario, the slow text one "Bring it back" away', async () => {
    const big = DEFAULT + '\n# saved, big\n';
    const store = createNetlabStore({ defaultScenario: DEFAULT, scenarioText: big });
    const channel = recording();
    startModelService(store, channel);
    store.getState().cancelModel();
    await settle();
    await settle();
    expect(store.getState().scenarioText).toBe(DEFAULT);
    expect(store.getState().view!.text).toBe(DEFAULT);
    store.getState().undoReset();
    expect(store.getState().scenarioText).toBe(big);
  });

  it('shows progress while the engine is busy with a text, and clears it with the view', async () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    let deliver: ((m: FromModelWorker) => void) | null = null;
    const channel: ModelChannel = {
      post: () => undefined,
      onMessage: (h) => (deliver = h),
      restart: () => undefined,
      close: () => undefined,
    };
    startModelService(store, channel);
    const progress = { phase: 'matrix' as const, done: 10, total: 40, chars: 5_000_000, elapsedMs: 900 };
    deliver!({ type: 'progress', progress });
    expect(store.getState().modelProgress).toEqual(progress);
    const engine = inlineChannel();
    engine.onMessage((m) => deliver!(m));
    engine.post({ type: 'update', text: DEFAULT, baseline: null });
    await settle();
    expect(store.getState().view!.text).toBe(DEFAULT);
    expect(store.getState().modelProgress).toBeNull();
  });
});
