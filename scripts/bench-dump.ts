// `npm run bench` (second part): realistic `kubectl get -A -o yaml|json` dumps (generated, seeded:
// managedFields, status blocks, Jobs, hostNetwork pods, Services with Endpoints and slices), 300
// pods and 3,000 pods. Times where loading goes (parse, decode, lint) in process, then the built
// CLI as a user runs it (start, lint, matrix). One JSON line per measurement on stdout.
// Targets (reported, not asserted): CLI start ≤ 150 ms; lint + matrix ≤ 1 s at 300 pods, ≤ 5 s at 3,000.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeScenario } from '../src/engine/analyze';
import { buildEndpoints } from '../src/engine/endpoints';
import { computeFlowMatrix } from '../src/engine/flow-matrix';
import { loadCluster } from '../src/k8s/load-cluster';
import { readManifests } from '../src/k8s/source';
import { scenarioPorts } from '../src/app-model/scenario-model';
import { generateDump } from '../src/testing/generate-dump';

const CLI = join(import.meta.dirname, '../dist-cli/netlab.mjs');
const SIZES = [300, 3000];
const only = process.argv.slice(2);

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function time(runs: number, f: () => void): number {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

function cli(args: readonly string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  if (r.status !== 0)
    throw new Error(`netlab ${args.join(' ')}: exit ${r.status}\n${r.stderr.slice(0, 500)}`);
  return ms;
}

const line = (fields: Record<string, string | number>): void =>
  console.log(
    `{${Object.entries(fields)
      .map(([k, v]) => `"${k}": ${typeof v === 'number' ? v.toFixed(1) : JSON.stringify(v)}`)
      .join(', ')}}`,
  );

if (!existsSync(CLI)) throw new Error('dist-cli/netlab.mjs is missing: run `npm run build:cli` first');
process.stderr.write(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} (the numbers scale with it)\n`,
);
const dir = mkdtempSync(join(tmpdir(), 'netlab-bench-'));
line({ name: 'cli-start', ms: median([0, 1, 2, 3, 4].map(() => cli(['--help']))) });

for (const pods of SIZES) {
  if (only.length > 0 && !only.includes(String(pods))) continue;
  for (const format of ['yaml', 'json'] as const) {
    const text = generateDump({ pods, seed: 20240601 + pods }, format);
    const file = join(dir, `dump-${pods}.${format}`);
    writeFileSync(file, text);
    const files = [{ name: file, text }];
    // The CLI first, while this process is idle: its own collection of the in-process runs'
    // garbage (below) would otherwise share the two cores with the command being timed.
    const lintMs = cli(['lint', file]);
    const matrixCliMs = cli(['matrix', file, '--by', 'workload']);
    const runs = pods > 1000 ? 1 : 3;
    // Each run reads a different text (a comment added), so the parse cache does not hide the parse.
    let run = 0;
    const fresh = (): { name: string; text: string }[] => [
      {
        name: file,
        text: format === 'json' ? `${text}\n`.repeat(1) + ' '.repeat(run++) : `${text}# run ${run++}\n`,
      },
    ];
    const parseMs = time(runs, () => readManifests(fresh()));
    const loadMs = time(runs, () => loadCluster(fresh()));
    const analysis = analyzeScenario(files);
    if (analysis.hasErrors) throw new Error(`${file}: the generated dump has errors`);
    const analyzeMs = time(runs, () => analyzeScenario(fresh()));
    const { cluster } = analysis;
    const ports = scenarioPorts(cluster);
    const matrixMs = time(runs, () => computeFlowMatrix(cluster.policies, buildEndpoints(cluster), ports));
    const base = { name: `dump-${pods}-${format}`, mb: text.length / 1e6 };
    line({ ...base, step: 'parse (readManifests)', ms: parseMs });
    line({ ...base, step: 'load (parse + decode)', ms: loadMs });
    line({ ...base, step: 'analyze (load + lint)', ms: analyzeMs });
    line({
      ...base,
      step: `matrix engine (${cluster.pods.length} pods × ${ports.length} ports)`,
      ms: matrixMs,
    });
    line({ ...base, step: 'cli lint', ms: lintMs });
    line({ ...base, step: 'cli matrix --by workload', ms: matrixCliMs });
    line({ ...base, step: 'cli lint + matrix', ms: lintMs + matrixCliMs });
  }
}
