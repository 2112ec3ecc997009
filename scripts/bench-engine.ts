// `npm run bench`: times computeFlowMatrix on generated clusters of growing size.
// One JSON line per case on stdout; generation/load times go to stderr.
// Targets (reported, not asserted): 1,000 pods × 200 policies × 3 ports ≤ 100 ms; 5,000 pods ≤ 1.5 s.
import { performance } from 'node:perf_hooks';
import { buildEndpoints } from '../src/engine/endpoints';
import { computeFlowMatrix } from '../src/engine/flow-matrix';
import type { FlowPort } from '../src/engine/match';
import { loadCluster } from '../src/k8s/load-cluster';
import { generateScenarioYaml } from '../src/testing/generate-cluster';

interface Case {
  readonly name: string;
  readonly pods: number;
  readonly policies: number;
  readonly runs: number;
  readonly warmups: number;
}

const CASES: readonly Case[] = [
  { name: 'small', pods: 100, policies: 20, runs: 15, warmups: 5 },
  { name: 'medium', pods: 1000, policies: 200, runs: 9, warmups: 2 },
  { name: 'large', pods: 5000, policies: 1000, runs: 3, warmups: 1 },
];

const PORTS: readonly FlowPort[] = [
  { port: 80, protocol: 'TCP' },
  { port: 5000, protocol: 'TCP' },
  { port: 3306, protocol: 'TCP' },
];

const only = process.argv.slice(2);

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

for (const c of CASES) {
  if (only.length > 0 && !only.includes(c.name)) continue;
  let t0 = performance.now();
  const yaml = generateScenarioYaml({ pods: c.pods, policies: c.policies, seed: 20240601 + c.pods });
  const genMs = performance.now() - t0;
  t0 = performance.now();
  const loaded = loadCluster([{ name: `${c.name}.yaml`, text: yaml }]);
  const loadMs = performance.now() - t0;
  if (loaded.hasErrors) {
    const first = loaded.diagnostics.find((d) => d.severity === 'error')!;
    throw new Error(
      `${c.name}: generated scenario has errors, e.g. ${first.line}:${first.col} ${first.message.en}`,
    );
  }
  const { cluster } = loaded;
  process.stderr.write(
    `${c.name}: generated ${(yaml.length / 1024).toFixed(0)} KiB in ${genMs.toFixed(1)} ms, loadCluster ${loadMs.toFixed(1)} ms ` +
      `(${cluster.pods.length} pods, ${cluster.policies.length} policies, ${cluster.namespaces.size} namespaces, ${cluster.nodes.length} nodes)\n`,
  );

  const run = (): number => {
    const start = performance.now();
    computeFlowMatrix(cluster.policies, buildEndpoints(cluster), PORTS);
    return performance.now() - start;
  };
  for (let i = 0; i < c.warmups; i++) run();
  const times: number[] = [];
  for (let i = 0; i < c.runs; i++) times.push(run());

  const endpoints = cluster.pods.length;
  const fields: [string, string][] = [
    ['name', JSON.stringify(c.name)],
    ['pods', String(cluster.pods.length)],
    ['policies', String(cluster.policies.length)],
    ['ports', String(PORTS.length)],
    ['flows', String(endpoints * endpoints * PORTS.length)],
    ['ms', median(times).toFixed(1)], // always one decimal, e.g. 46.0
  ];
  console.log(`{${fields.map(([k, v]) => `"${k}": ${v}`).join(', ')}}`);
  process.stderr.write(`${c.name}: runs (ms) ${times.map((t) => t.toFixed(1)).join(' ')}\n`);
}
