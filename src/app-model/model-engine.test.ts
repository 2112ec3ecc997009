import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowKey, isAllowed, ModelEngine } from './model-engine';
import { buildScenarioModel } from './scenario-model';
import { endpointKeys } from './model-view';
import { explanationLines } from '../engine/explain-text';

const DEFAULT = readFileSync(join(import.meta.dirname, '../scenarios/default.yaml'), 'utf8');
const P3306 = { port: 3306, protocol: 'TCP' as const };
const toWeb = (text: string) =>
  text.replace('          role: backend\n    ports:', '          role: web\n    ports:');

describe('ModelEngine', () => {
  it('returns the same view for the same text', () => {
    const e = new ModelEngine();
    expect(e.update(DEFAULT)).toBe(e.update(DEFAULT));
  });

  it('packs the matrix into rows of bits that read back as the engine decided', () => {
    const v = new ModelEngine().update(DEFAULT).model;
    const i = (k: string) => v.endpoints.findIndex((e) => e.key === k);
    const pi = v.ports.findIndex((p) => p.port === 3306);
    expect(isAllowed(v, pi, i('prod/backend'), i('prod/db'))).toBe(true);
    expect(isAllowed(v, pi, i('prod/web'), i('prod/db'))).toBe(false);
    expect(v.endpoints.find((e) => e.key === '192.168.5.10')).toEqual({
      key: '192.168.5.10',
      kind: 'external',
      ip: '192.168.5.10',
      name: 'backup-server',
    });
  });

  it('sends what each policy touches as bits that read back as the same keys', () => {
    const v = new ModelEngine().update(DEFAULT).model;
    const reach = v.policyReach.get('prod/db-policy')!;
    expect([...endpointKeys(v, reach.selected)]).toEqual(['prod/db']);
    expect([...endpointKeys(v, reach.peers)].sort()).toEqual(['192.168.5.10', 'prod/backend']);
    // Every policy, both sets, exactly as the scenario model has them.
    const m = buildScenarioModel(DEFAULT);
    expect(v.policyReach.size).toBe(m.policyReach.size);
    for (const [key, r] of m.policyReach) {
      expect(endpointKeys(v, v.policyReach.get(key)!.selected)).toEqual(r.selected);
      expect(endpointKeys(v, v.policyReach.get(key)!.peers)).toEqual(r.peers);
    }
  });

  it('marks the cells an edit flipped, until the next edit', () => {
    const e = new ModelEngine();
    expect(e.update(DEFAULT).changes.size).toBe(0);
    expect(Object.fromEntries(e.update(toWeb(DEFAULT)).changes)).toEqual({
      [flowKey('prod/web', 'prod/db', P3306)]: 'newly-allowed',
      [flowKey('prod/backend', 'prod/db', P3306)]: 'newly-denied',
    });
    expect(e.update(toWeb(DEFAULT) + '\n# a comment\n').changes.size).toBe(0);
  });

  it('with a pinned baseline, marks every cell changed since it, through later edits, until unpinned', () => {
    const e = new ModelEngine();
    const flipped = {
      [flowKey('prod/web', 'prod/db', P3306)]: 'newly-allowed',
      [flowKey('prod/backend', 'prod/db', P3306)]: 'newly-denied',
    };
    e.update(DEFAULT);
    // Pinning the text on screen: nothing differs from it yet, and the model is not rebuilt.
    const pinned = e.update(DEFAULT, DEFAULT);
    expect(pinned.changes.size).toBe(0);
    expect(pinned.model).toBe(e.update(DEFAULT).model);
    expect(Object.fromEntries(e.update(toWeb(DEFAULT), DEFAULT).changes)).toEqual(flipped);
    // A later edit that flips nothing keeps the marks (per edit, they would be gone).
    expect(Object.fromEntries(e.update(toWeb(DEFAULT) + '\n# a comment\n', DEFAULT).changes)).toEqual(
      flipped,
    );
    // Broken text: the last valid model, still compared with the baseline.
    const broken = e.update(toWeb(DEFAULT) + '\nkind: [\n', DEFAULT);
    expect(broken.stale).toBe(true);
    expect(Object.fromEntries(broken.changes)).toEqual(flipped);
    // Unpinned: back to the last edit's effect, which changed nothing.
    expect(e.update(toWeb(DEFAULT) + '\n# a comment\n', null).changes.size).toBe(0);
    // A baseline with errors compares with nothing better than the last edit.
    expect(e.update(DEFAULT, 'kind: [\n').changes.size).toBe(2);
  });

  it('traces a packet through the pinned version too, for before and after', () => {
    const e = new ModelEngine();
    const request = { from: 'prod/web', to: 'prod/db', port: P3306 };
    e.update(DEFAULT);
    expect(e.traced(1, request)).not.toHaveProperty('baseline');
    e.update(toWeb(DEFAULT), DEFAULT);
    const r = e.traced(2, request);
    expect(r.requestId).toBe(2);
    expect('trace' in r.result && r.result.trace.verdict).toBe('delivered');
    expect(r.baseline && 'trace' in r.baseline && r.baseline.trace.verdict).toBe('dropped');
    e.update(toWeb(DEFAULT), null);
    expect(e.traced(3, request)).not.toHaveProperty('baseline');
  });

  it('keeps the last valid model while the text has errors, with the new diagnostics', () => {
    const e = new ModelEngine();
    const before = e.update(DEFAULT);
    const after = e.update(DEFAULT + '\n---\nkind: [unclosed\n');
    expect(after.model).toBe(before.model);
    expect(after.stale).toBe(true);
    expect(after.hasErrors).toBe(true);
    expect(after.diagnostics[0]!.severity).toBe('error');
    expect(after.revision).toBe(before.revision + 1);
  });

  it('with errors from the start, shows what it has (nothing better exists)', () => {
    const v = new ModelEngine().update('kind: [');
    expect(v.hasErrors).toBe(true);
    expect(v.stale).toBe(false);
    expect(v.model.endpoints).toEqual([]);
  });

  it('keeps the drawing objects when only policies change, and replaces them when a pod is added', () => {
    const e = new ModelEngine();
    const a = e.update(DEFAULT).model;
    const b = e.update(toWeb(DEFAULT)).model;
    expect(b.id).toBe(a.id + 1);
    expect(b.layoutId).toBe(a.layoutId);
    expect(b.scene).toBe(a.scene);
    const c = e.update(
      DEFAULT +
        '\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: extra, namespace: prod}\nspec:\n  nodeName: node02\n  containers: [{name: c, image: i}]\n',
    ).model;
    expect(c.layoutId).toBe(b.layoutId + 1);
    expect(c.scene.pods).toHaveLength(6); // four of the scenario's, two implicit CoreDNS pods
  });

  it('explains flows of the current model in both languages', () => {
    const e = new ModelEngine();
    e.update(DEFAULT);
    const pi = { port: 3306, protocol: 'TCP' } as const;
    const reasons = e.explain('prod/web', 'prod/db', pi)!;
    expect(explanationLines(reasons, 'en')[0]).toBe('prod/web → prod/db 3306/TCP: ✗ denied');
    expect(explanationLines(reasons, 'ko')[0]).toBe('prod/web → prod/db 3306/TCP: ✗ 차단');
    expect(e.explain('prod/nope', 'prod/db', pi)).toBeNull();
  });

  it('explains a flow on the port asked about, whatever the order of the ports the pods declare', () => {
    const e = new ModelEngine();
    // A port declared first moves 3306 to another place in the list: the answer stays on 3306.
    const v = e.update(
      DEFAULT.replace('      containerPort: 80\n', '      containerPort: 80\n    - containerPort: 8080\n'),
    );
    expect(v.model.ports.map((p) => p.port)).toEqual([80, 8080, 5000, 3306]);
    const mysql = { port: 3306, protocol: 'TCP' } as const;
    expect(explanationLines(e.explain('prod/backend', 'prod/db', mysql)!, 'en')[0]).toBe(
      'prod/backend → prod/db 3306/TCP: ✓ allowed',
    );
    // A port no pod declares is still a question policies answer.
    expect(
      explanationLines(e.explain('prod/backend', 'prod/db', { port: 9999, protocol: 'UDP' })!, 'en')[0],
    ).toBe('prod/backend → prod/db 9999/UDP: ✗ denied');
  });

  it('produces only structured-clone-safe data', () => {
    const v = new ModelEngine().update(DEFAULT);
    expect(() => structuredClone(v)).not.toThrow();
  });

  it('draws anew when a net.d file changes only a bridge name, and the view stays clone-safe', () => {
    const e = new ModelEngine();
    const conf = (bridge: string) =>
      `${DEFAULT}\n---\napiVersion: netlab.dev/v1\nkind: ClusterNetwork\nmetadata: {name: lab}\nspec: {cni: bridge}\n---\napiVersion: netlab.dev/v1\nkind: CNIConfig\nmetadata: {name: 00-lab.conf}\nspec:\n  nodes: [node01]\n  config: |\n    {"type": "bridge", "bridge": "${bridge}", "isGateway": true, "ipam": {"type": "host-local", "subnet": "10.244.1.0/24"}}\n`;
    const a = e.update(conf('cni0')).model;
    const b = e.update(conf('br-lab'));
    expect(b.model.layoutId).not.toBe(a.layoutId);
    expect(b.model.topology.nodes[0]!.bridge.name).toBe('br-lab');
    expect(() => structuredClone(b)).not.toThrow();
  });
});
