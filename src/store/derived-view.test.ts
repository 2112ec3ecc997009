import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDerivedSelector, flowKey } from './derived-view';
import { createNetlabStore } from './netlab-store';

const DEFAULT = readFileSync(join(import.meta.dirname, '../scenarios/default.yaml'), 'utf8');
const P3306 = { port: 3306, protocol: 'TCP' as const };

describe('derived view', () => {
  it('is memoised on the text', () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    const select = createDerivedSelector();
    const a = select(store.getState());
    store.getState().setLocale('ko');
    expect(select(store.getState())).toBe(a);
  });

  it('marks the cells an edit flipped, until the next edit', () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    const select = createDerivedSelector();
    expect(select(store.getState()).changes.size).toBe(0);
    // db-policy now admits the web tier instead of the backend
    store.getState().setScenarioText(DEFAULT.replace('          role: backend\n    ports:', '          role: web\n    ports:'));
    const v = select(store.getState());
    expect(Object.fromEntries(v.changes)).toEqual({
      [flowKey('prod/web', 'prod/db', P3306)]: 'newly-allowed',
      [flowKey('prod/backend', 'prod/db', P3306)]: 'newly-denied',
    });
    store.getState().setScenarioText(store.getState().scenarioText + '\n# a comment\n');
    expect(select(store.getState()).changes.size).toBe(0);
  });

  it('keeps the last valid model while the text has errors, with the new diagnostics', () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    const select = createDerivedSelector();
    const before = select(store.getState());
    store.getState().setScenarioText(DEFAULT + '\n---\nkind: [unclosed\n');
    const after = select(store.getState());
    expect(after.model).toBe(before.model);
    expect(after.diagnosticsModel.hasErrors).toBe(true);
    expect(after.diagnosticsModel.diagnostics[0]!.severity).toBe('error');
  });

  it('starts with errors too: then the erroneous model is shown (nothing better exists)', () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT, scenarioText: 'kind: [' });
    const v = createDerivedSelector()(store.getState());
    expect(v.model.hasErrors).toBe(true);
    expect(v.model.endpoints).toEqual([]);
  });

  it('reset returns to the default and can be undone', () => {
    const store = createNetlabStore({ defaultScenario: DEFAULT, scenarioText: 'mine' });
    store.getState().resetScenario();
    expect(store.getState().scenarioText).toBe(DEFAULT);
    store.getState().undoReset();
    expect(store.getState().scenarioText).toBe('mine');
    expect(store.getState().textBeforeReset).toBeNull();
  });
});
