// Pods a scenario places on no node run on one generated node, so every lesson can send packets;
// scenarios with nodes, and pods that name a node, are left as written.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildScenarioModel } from '../app-model/scenario-model';
import { analyzeScenario } from '../engine/analyze';
import { GENERATED_NODE_NAME, scheduleOnGeneratedNode } from './generated-node';
import { buildTopology } from './topology';
import { traceFlow } from './trace-flow';

const LESSONS = join(import.meta.dirname, '../../lessons');
const cluster = (text: string) => analyzeScenario([{ name: 's.yaml', text }]).cluster;
const pod = (name: string, extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: default, labels: {app: ${name}}}\nspec:\n  containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]\n${extra}`;
const NODE = 'apiVersion: v1\nkind: Node\nmetadata: {name: worker}\nspec: {podCIDR: 10.244.1.0/24}\n';

describe('scheduleOnGeneratedNode', () => {
  it.each([
    ['no Node, pods without nodeName: all on the generated node', [pod('a'), pod('b')], ['a', 'b'], []],
    ['a Node in the scenario: nothing generated', [NODE, pod('a')], [], ['a']],
    [
      'a pod naming a missing node keeps it (unscheduled)',
      [pod('a'), pod('b', '  nodeName: gone\n')],
      ['a'],
      ['b'],
    ],
    ['host-network pods are left alone', [pod('a'), pod('h', '  hostNetwork: true\n')], ['a'], ['h']],
  ])('%s', (_, docs, placed, unscheduled) => {
    const c = cluster(docs.join('---\n'));
    const { cluster: out, generatedNode } = scheduleOnGeneratedNode(c);
    const onGenerated = out.pods.filter((p) => p.nodeName === GENERATED_NODE_NAME).map((p) => p.name);
    expect(onGenerated).toEqual(placed);
    expect(generatedNode).toBe(placed.length > 0 ? GENERATED_NODE_NAME : null);
    const topology = buildTopology(out, { generatedNode });
    expect(topology.unscheduled.map((k) => k.split('/')[1])).toEqual(unscheduled);
    // Addresses do not move: the generated node has no podCIDR of its own.
    expect(out.pods.map((p) => p.ip.key)).toEqual(c.pods.map((p) => p.ip.key));
  });

  it('a packet between two pods of a node-less scenario is delivered across the generated node’s bridge', () => {
    const { cluster: c, generatedNode } = scheduleOnGeneratedNode(
      cluster([pod('a'), pod('b')].join('---\n')),
    );
    const trace = traceFlow(c, buildTopology(c, { generatedNode }), 'a', 'b', { port: 80, protocol: 'TCP' });
    expect(trace.verdict).toBe('delivered');
  });

  it('every lesson scenario of modules A–C has each pod on a node (written or generated)', () => {
    const seen: string[] = [];
    for (const dir of readdirSync(LESSONS).filter((d) => /^[abc]-/.test(d))) {
      for (const f of readdirSync(join(LESSONS, dir)).filter(
        (f) => f.endsWith('.yaml') && f !== 'lesson.yaml',
      )) {
        const model = buildScenarioModel(readFileSync(join(LESSONS, dir, f), 'utf8'));
        const nowhere = model.topology.unscheduled.filter(
          (k) => !model.cluster.pods.find((p) => `${p.namespace}/${p.name}` === k)?.hostNetwork,
        );
        expect(nowhere, `${dir}/${f}`).toEqual([]);
        seen.push(dir);
      }
    }
    expect(new Set(seen)).toContain('a-05-and-vs-or');
    expect(new Set(seen)).toContain('c-01-three-tier-least-privilege');
  });
});
