import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FromModelWorker, ToModelWorker } from '../store/model-protocol';
import { createNetlabStore } from '../store/netlab-store';
import { inlineChannel } from './inline-model-channel';
import { startModelService, type ModelChannel } from './model-service';

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
    store.getState().setPortIndex(store.getState().view!.model.ports.findIndex((p) => p.port === 3306));
    store.getState().selectFlow({ from: 'prod/web', to: 'prod/db' });
    await settle();
    expect(store.getState().explanation!.lines![0]).toBe('prod/web → prod/db 3306/TCP: ✗ denied');
    store.getState().setLocale('ko');
    await settle();
    expect(store.getState().explanation!.lines![0]).toContain('✗ 차단');
    store
      .getState()
      .setScenarioText(
        DEFAULT.replace('          role: backend\n    ports:', '          role: web\n    ports:'),
      );
    await settle();
    await settle();
    expect(store.getState().explanation!.lines![0]).toContain('✓ 허용');
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
