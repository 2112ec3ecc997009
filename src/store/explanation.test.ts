// The why-panel's one staleness check: an answer is shown only for the question asked now.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelEngine } from '../app-model/model-engine';
import { currentExplanation, explanationQuestion } from './explanation';
import { createNetlabStore, type NetlabStore } from './netlab-store';

const DEFAULT = readFileSync(join(import.meta.dirname, '../scenarios/default.yaml'), 'utf8');

/** A store with a real model, the flow prod/web → prod/db at 3306 selected and its answer stored. */
function answered(): { store: NetlabStore; engine: ModelEngine } {
  const engine = new ModelEngine();
  const store = createNetlabStore({ defaultScenario: DEFAULT });
  const view = engine.update(DEFAULT);
  store.getState().applyView(view);
  store.getState().setMatrixPort({ port: 3306, protocol: 'TCP' });
  store.getState().selectFlow({ from: 'prod/web', to: 'prod/db' });
  const question = explanationQuestion(store.getState())!;
  const reasons = engine.explain(question.flow.from, question.flow.to, question.port);
  store.getState().applyExplanation({ question, reasons });
  return { store, engine };
}

describe('currentExplanation', () => {
  it('shows the answer to the question asked now, in either language', () => {
    const { store } = answered();
    expect(currentExplanation(store.getState())?.headline.en).toBe('prod/web → prod/db 3306/TCP: ✗ denied');
    store.getState().setLocale('ko');
    expect(currentExplanation(store.getState())?.headline.ko).toBe('prod/web → prod/db 3306/TCP: ✗ 차단');
  });

  it.each<[string, (store: NetlabStore, engine: ModelEngine) => void]>([
    ['another flow', (s) => s.getState().selectFlow({ from: 'prod/backend', to: 'prod/db' })],
    ['the reverse flow', (s) => s.getState().selectFlow({ from: 'prod/db', to: 'prod/web' })],
    ['another port', (s) => s.getState().setMatrixPort({ port: 80, protocol: 'TCP' })],
    ['a new model', (s, e) => s.getState().applyView(e.update(DEFAULT + '\n# edited\n'))],
    ['no flow selected', (s) => s.getState().selectFlow(null)],
  ])('hides a stale answer after %s', (_, change) => {
    const { store, engine } = answered();
    change(store, engine);
    expect(currentExplanation(store.getState())).toBeNull();
  });
});
