// `npm run bench:hostile`: what an attacker or a careless user can cost. Prints one JSON line per
// measurement; targets are reported, not asserted.
//   bomb link refused ≤ 200 ms of the page's thread · no task over 100 ms while a 5 MB file of
//   23,000 pods opens · `netlab matrix` on 50,000 pods in < 1.5 GB (or refused at once).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { decodeShareFragment, SHARE_PREFIX } from '../src/lib/share-codec';
import { bigDumpYaml } from '../src/testing/big-dump';
import { deflateBomb } from '../src/testing/deflate-bomb';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium';
import { startProfile } from './page-profile';

const ROOT = join(import.meta.dirname, '..');
const PORT = Number(process.env['NETLAB_BENCH_PORT'] ?? 4181);
const URL = `http://127.0.0.1:${PORT}/`;
/** `-- --profile`: sample the page's thread while the big file opens (build with `--minify false` for names). */
const PROFILE = process.argv.includes('--profile');

const print = (o: Record<string, unknown>) => console.log(JSON.stringify(o));
const round = (n: number) => Math.round(n * 10) / 10;

/** Long tasks of the page's thread (start, duration), from before any page script runs; when a hash change began. */
function instrument(): void {
  const w = window as unknown as { __long: [number, number][]; __hashAt: number };
  w.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__long.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  // Registered before the lab's own listener, so it runs first.
  addEventListener('hashchange', () => (w.__hashAt = performance.now()));
}

async function openLab(): Promise<{ page: Page; close: () => Promise<void> }> {
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.addInitScript(instrument);
  await page.goto(URL);
  await page.waitForSelector('[data-testid="graph.pod"]');
  await page.waitForTimeout(1000);
  return { page, close: () => browser.close() };
}

/**
 * A 1.9 MB link that would inflate to 1.4 GB, pasted into the address bar of an open lab: from the
 * hash change to the message, and the page's longest task meanwhile (the browser's own work of
 * setting a 2 MB address comes before and is shown apart).
 */
async function bombLink(): Promise<void> {
  const { page, close } = await openLab();
  const fragment = SHARE_PREFIX + Buffer.from(deflateBomb(1400)).toString('base64url');
  await page.evaluate((f) => ((window as unknown as { __bomb: string }).__bomb = f), fragment);
  await page.waitForTimeout(500);
  const profiler = PROFILE ? await startProfile(page, print) : null;
  const r = (await page.evaluate(`new Promise((resolve) => {
    window.__long = [];
    const status = document.querySelector('[data-testid="share.status"]');
    const done = new MutationObserver(() => {
      if (!/cannot be opened/.test(status.textContent)) return;
      done.disconnect();
      const shown = performance.now();
      setTimeout(() => resolve({ setMs, refusedMs: shown - window.__hashAt, hashAt: window.__hashAt, shown, tasks: window.__long, said: status.textContent }), 300);
    });
    done.observe(status, { childList: true, subtree: true, characterData: true });
    const before = performance.now();
    location.hash = window.__bomb;
    const setMs = performance.now() - before;
  })`)) as {
    setMs: number;
    refusedMs: number;
    hashAt: number;
    shown: number;
    tasks: [number, number][];
    said: string;
  };
  if (profiler) await profiler.stop('bomb-link-refused');
  const ours = r.tasks.filter(([start, d]) => start + d >= r.hashAt && start <= r.shown).map(([, d]) => d);
  print({
    name: 'bomb-link-refused',
    linkMB: round(fragment.length / 1e6),
    inflatesToGB: 1.4,
    refusedMs: round(r.refusedMs),
    maxTaskMs: round(Math.max(0, ...ours)),
    browserSetsAddressMs: round(r.setMs),
    said: r.said,
    targetMs: 200,
  });
  await close();
}

/**
 * Opening a 5 MB file of 23,000 pods, handed to the file input from inside the page (as a drop
 * would: no test harness copying megabytes on the page's thread): the longest task and the gaps
 * between frames until the overview is on screen.
 */
async function bigFile(): Promise<void> {
  const { page, close } = await openLab();
  const text = bigDumpYaml(23_000);
  await page.evaluate((t) => ((window as unknown as { __file: string }).__file = t), text);
  await page.waitForTimeout(1000);
  const profiler = PROFILE ? await startProfile(page, print) : null;
  const start = (await page.evaluate(`(() => {
    window.__long = [];
    window.__gaps = [];
    let last = performance.now();
    const tick = (now) => { window.__gaps.push(now - last); last = now; if (!window.__stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const input = document.querySelector('[data-testid="import.input"]');
    const dt = new DataTransfer();
    dt.items.add(new File([window.__file], 'dump.yaml', { type: 'application/yaml' }));
    input.files = dt.files;
    const start = performance.now();
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return start;
  })()`)) as number;
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __sawProgress?: boolean };
      if (document.querySelector('[data-testid="model.progress"]')) w.__sawProgress = true;
      return document.querySelector('[data-testid="graph.overview"]') !== null;
    },
    undefined,
    { timeout: 300_000, polling: 100 },
  );
  const done = (await page.evaluate('performance.now()')) as number;
  await page.waitForTimeout(1500);
  const r = (await page.evaluate(
    `(() => { window.__stop = true; return { tasks: window.__long, gaps: window.__gaps, progress: !!window.__sawProgress }; })()`,
  )) as { tasks: [number, number][]; gaps: number[]; progress: boolean };
  if (profiler) await profiler.stop('open-5MB-23000-pods');
  const durations = r.tasks.map(([, d]) => d);
  print({
    name: 'open-5MB-23000-pods',
    fileMB: round(text.length / 1e6),
    overviewMs: round(done - start),
    progressShown: r.progress,
    longTasks: durations.length,
    over100ms: durations.filter((d) => d > 100).length,
    maxTaskMs: round(Math.max(0, ...durations)),
    maxFrameGapMs: round(Math.max(0, ...r.gaps)),
    targetMaxTaskMs: 100,
  });
  await close();
}

/** Peak memory of `netlab ARGS` (its own maxRSS at exit), with its exit code and first stderr line. */
function cliPeak(args: readonly string[]): {
  code: number | null;
  peakMB: number;
  seconds: number;
  said: string;
} {
  const report =
    'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nmaxrss "+process.resourceUsage().maxRSS+"\\n"))';
  const start = Date.now();
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', report, join(ROOT, 'src/cli/main.ts'), ...args],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 },
  );
  const kb = Number(/maxrss (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return {
    code: r.status,
    peakMB: Math.round(kb / 1024),
    seconds: round((Date.now() - start) / 1000),
    said: r.stderr.split('\n')[0] ?? '',
  };
}

function cli(): void {
  const dir = mkdtempSync(join(tmpdir(), 'netlab-bench-'));
  const file = join(dir, 'pods-50k.yaml');
  writeFileSync(file, bigDumpYaml(50_000));
  for (const [name, args] of [
    ['cli-50000-pods:matrix --json (refused)', ['matrix', file, '--json']],
    ['cli-50000-pods:matrix --json --from one pod', ['matrix', file, '--json', '--from', 'ns-0/pod-0']],
    ['cli-50000-pods:lint', ['lint', file]],
  ] as const) {
    print({ name, pods: 50_000, ...cliPeak(args), targetPeakMB: 1536 });
  }
  // Streaming: 500 sources × 10,000 pods = 5,000,000 flows (about 850 MB of JSON) to /dev/null.
  const tenK = join(dir, 'pods-10k.yaml');
  writeFileSync(tenK, bigDumpYaml(10_000));
  print({
    name: 'cli-10000-pods:matrix --json --from ns-0/* (5,000,000 flows streamed)',
    pods: 10_000,
    ...cliPeak(['matrix', tenK, '--json', '--from', 'ns-0/*']),
    targetPeakMB: 1536,
  });
}

/** The decoding alone, in Node: the lab's own share of refusing a bomb link (median of 5). */
function bombDecode(): void {
  const fragment = SHARE_PREFIX + Buffer.from(deflateBomb(1400)).toString('base64url');
  const times: number[] = [];
  let said = '';
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const r = decodeShareFragment(fragment);
    times.push(performance.now() - start);
    said = 'error' in r ? r.error.en : 'opened?!';
  }
  times.sort((a, b) => a - b);
  print({
    name: 'bomb-link-decode (node)',
    linkMB: round(fragment.length / 1e6),
    medianMs: round(times[2]!),
    minMs: round(times[0]!),
    said,
  });
}

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const want = (name: string) => only.length === 0 || only.includes(name);
  if (want('bomb')) bombDecode();
  if (want('cli')) cli();
  if (!want('page') && !want('bomb') && !want('file')) return;
  const server = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(PORT),
      '--strictPort',
    ],
    { cwd: ROOT, stdio: 'ignore' },
  );
  try {
    for (let i = 0; i < 50; i++) {
      try {
        if ((await fetch(URL)).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    if (want('page') || want('bomb')) await bombLink();
    if (want('page') || want('file')) await bigFile();
  } finally {
    server.kill();
  }
}

await main();
