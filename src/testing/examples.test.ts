// The example scenarios (fixtures/netpol-examples) with their expected `netlab matrix` verdicts, run through the
// same path as the CLI (`matrix --json`), compared flow by flow.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../cli/args';
import { printedText } from '../cli/output';
import { runCommand } from '../cli/run';
import { analyzeScenario } from '../engine/analyze';

const DIR = join(import.meta.dirname, 'fixtures/netpol-examples');

interface Expected {
  description: string;
  ports: string[];
  peers: string[];
  flows: { from: string; to: string; port: string; allowed: boolean }[];
}

const names = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));

describe('shared NetworkPolicy examples', () => {
  it('finds the examples', () => {
    expect(names.length).toBeGreaterThanOrEqual(7);
  });

  for (const name of names) {
    it(name, () => {
      const expected = JSON.parse(
        readFileSync(join(DIR, name.replace(/\.yaml$/, '.expect.json')), 'utf8'),
      ) as Expected;
      const file = join(DIR, name);
      const loaded = analyzeScenario([{ name: file, text: readFileSync(file, 'utf8') }]);
      expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const argv = [
        'matrix',
        file,
        ...expected.ports.flatMap((p) => ['--port', p]),
        ...expected.peers.flatMap((p) => ['--peer', p]),
        '--json',
      ];
      const result = runCommand(parseArgs(argv), loaded);
      expect(result.code).toBe(0);
      const out = JSON.parse(printedText(result.stdout)) as {
        flows: { from: string; to: string; port: number; protocol: string; allowed: boolean }[];
      };
      const got = new Map(out.flows.map((f) => [`${f.from} ${f.to} ${f.port}/${f.protocol}`, f.allowed]));
      const want = new Map(expected.flows.map((f) => [`${f.from} ${f.to} ${f.port}`, f.allowed]));
      expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
      const wrong = [...want]
        .filter(([k, v]) => got.get(k) !== v)
        .map(([k, v]) => `${k}: expected ${v ? 'allowed' : 'denied'}`);
      expect(wrong).toEqual([]);
    });
  }
});
