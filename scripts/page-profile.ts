// `--profile` for the page benches: samples the page's main thread over CDP and prints the top
// functions by self and inclusive time, and what ran during the longest busy stretch (a long task).
import type { Page } from '@playwright/test';

const round = (n: number) => Math.round(n * 10) / 10;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

const frameName = (f: ProfileNode['callFrame']) =>
  `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;

const top = (m: Map<string, number>, n: number) =>
  Object.fromEntries(
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => [k, round(v)]),
  );

/** Inclusive time per function over `samples[from..to)`: each sample counts once per function on its stack. */
function inclusive(
  samples: readonly number[],
  deltas: readonly number[],
  nodes: ReadonlyMap<number, ProfileNode>,
  parent: ReadonlyMap<number, number>,
  from = 0,
  to = samples.length,
): Map<string, number> {
  const total = new Map<string, number>();
  for (let i = from; i < to; i++) {
    const seen = new Set<string>();
    for (let at: number | undefined = samples[i]; at !== undefined; at = parent.get(at)) {
      const f = nodes.get(at)!.callFrame;
      if (!f.url) continue;
      const where = frameName(f);
      if (!seen.has(where)) total.set(where, (total.get(where) ?? 0) + (deltas[i] ?? 0) / 1000);
      seen.add(where);
    }
  }
  return total;
}

export async function startProfile(
  page: Page,
  print: (o: Record<string, unknown>) => void,
): Promise<{ stop(name: string): Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    async stop(name) {
      const { profile } = await cdp.send('Profiler.stop');
      const nodes = new Map<number, ProfileNode>(profile.nodes.map((n) => [n.id, n as ProfileNode]));
      const deltas = profile.timeDeltas ?? [];
      const samples = profile.samples ?? [];
      const self = new Map<string, number>();
      samples.forEach((id, i) => {
        const where = frameName(nodes.get(id)!.callFrame);
        self.set(where, (self.get(where) ?? 0) + (deltas[i] ?? 0) / 1000);
      });
      const parent = new Map<number, number>();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      // The longest run of samples that are not idle: the longest task, near enough.
      const idle = (i: number) => {
        const f = nodes.get(samples[i]!)!.callFrame.functionName;
        return f === '(idle)' || f === '(program)';
      };
      let best = { from: 0, to: 0, ms: 0 };
      for (let i = 0; i < samples.length;) {
        if (idle(i)) {
          i++;
          continue;
        }
        let j = i;
        let ms = 0;
        while (j < samples.length && !idle(j)) ms += (deltas[j++] ?? 0) / 1000;
        if (ms > best.ms) best = { from: i, to: j, ms };
        i = j;
      }
      print({
        name: `${name}:profile`,
        selfMs: top(self, 20),
        totalMs: top(inclusive(samples, deltas, nodes, parent), 30),
        longestBusyMs: round(best.ms),
        longestBusy: top(inclusive(samples, deltas, nodes, parent, best.from, best.to), 25),
      });
    },
  };
}
