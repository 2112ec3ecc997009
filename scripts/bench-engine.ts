// `npm run bench`: times computeFlowMatrix on generated clusters of growing size.
// One JSON line per case on stdout; generation/load times go to stderr.
// Targets (reported, not asserted): 1,000 pods × 200 policies × 3 ports ≤ 100 ms; 5,000 pods ≤ 1.5 s.
// Then compareReach (exact connectivity over peer classes): a lesson-size comparison (each lesson's
// start against its solution, as a check runs while the learner types) ≤ 20 ms, and 1,000 pods ×
// 200 policies against the same with ten policies changed ≤ 1 s. Each prints wall-clock and CPU
// medians: on a shared machine the CPU time is the fairer figure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { compareReach } from '../src/engine/compare-reach';
import { groupDifferences, groupText } from '../src/engine/describe-reach';
import type { Cluster } from '../src/k8s/types';
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

// ---------------------------------------------------------------------------------------------
// compareReach

/** Wall-clock and CPU milliseconds of one call. */
function timed(f: () => void): { wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  f();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/** A comparison as a lesson check makes it: differences, grouped, in words. */
function compareAndWord(a: Cluster, b: Cluster): number {
  const c = compareReach(a, b);
  const groups = groupDifferences(c);
  for (const g of groups.slice(0, 3)) groupText(c, g);
  return groups.length;
}

function report(name: string, fields: [string, string][], runs: { wall: number; cpu: number }[]): void {
  const all: [string, string][] = [
    ['name', JSON.stringify(name)],
    ...fields,
    ['ms', median(runs.map((r) => r.wall)).toFixed(1)],
    ['cpuMs', median(runs.map((r) => r.cpu)).toFixed(1)],
  ];
  console.log(`{${all.map(([k, v]) => `"${k}": ${v}`).join(', ')}}`);
}

/** A scenario file, or undefined when it has errors (a find-the-mistake lesson starts broken). */
const load = (name: string, text: string): Cluster | undefined => {
  const r = loadCluster([{ name, text }]);
  return r.hasErrors ? undefined : r.cluster;
};

if (only.length === 0 || only.includes('compare-lessons')) {
  const dir = join(import.meta.dirname, '../lessons');
  const pairs = readdirSync(dir)
    // Network lessons: the storage labs' scenarios are txtar archives or volumes, the console's scripts.
    .filter(
      (d) =>
        ['lesson.yaml', 'start.yaml', 'solution.yaml'].every((f) => existsSync(join(dir, d, f))) &&
        !/^lab: (volumes|layers)\b/m.test(readFileSync(join(dir, d, 'lesson.yaml'), 'utf8')),
    )
    .flatMap((d) => {
      const a = load(`${d}/start.yaml`, readFileSync(join(dir, d, 'start.yaml'), 'utf8'));
      const b = load(`${d}/solution.yaml`, readFileSync(join(dir, d, 'solution.yaml'), 'utf8'));
      return a && b ? [[d, a, b] as const] : [];
    });
  for (let i = 0; i < 3; i++) for (const [, a, b] of pairs) compareAndWord(a, b);
  const perLesson = pairs.map(([, a, b]) =>
    Array.from({ length: 7 }, () => timed(() => compareAndWord(a, b))),
  );
  const medians = perLesson.map((runs) => ({
    wall: median(runs.map((r) => r.wall)),
    cpu: median(runs.map((r) => r.cpu)),
  }));
  const worst = medians.reduce((m, x, i) => (x.cpu > medians[m]!.cpu ? i : m), 0);
  report(
    'compare-lessons',
    [
      ['lessons', String(pairs.length)],
      ['worst', JSON.stringify(pairs[worst]![0])],
      ['worstCpuMs', medians[worst]!.cpu.toFixed(1)],
    ],
    medians,
  );
}

if (only.length === 0 || only.includes('compare-medium')) {
  const yaml = generateScenarioYaml({ pods: 1000, policies: 200, seed: 20240601 + 1000 });
  const a = load('medium.yaml', yaml)!;
  // Ten policies lose their ports (each rule then allows every port): what a diff or a check sees.
  const b: Cluster = {
    ...a,
    policies: a.policies.map((p, i) =>
      i % 20 === 5 ? { ...p, ingress: p.ingress.map((r) => ({ ...r, ports: [] })) } : p,
    ),
  };
  let groups = 0;
  timed(() => (groups = compareAndWord(a, b)));
  const runs = Array.from({ length: 5 }, () => timed(() => compareAndWord(a, b)));
  report(
    'compare-medium',
    [
      ['pods', String(a.pods.length)],
      ['policies', String(a.policies.length)],
      ['changed', '10'],
      ['groups', String(groups)],
    ],
    runs,
  );
}
