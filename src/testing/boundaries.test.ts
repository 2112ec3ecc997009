// The import boundaries hold by themselves: each rule in .oxlintrc.json and tsconfig.pure.json is
// proven by a file that breaks it (written into the folder it is about, linted, then removed).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const written: string[] = [];

/**
 * Writes fixture files (path relative to the repository → text, `FIXTURE` standing for a unique
 * name in both); they are removed after the test.
 */
function fixture(files: Record<string, string>): string[] {
  const tag = `${process.pid}-${written.length}`;
  return Object.entries(files).map(([path, text]) => {
    const name = `boundary-fixture-${tag}`;
    const full = join(ROOT, path.replace('FIXTURE', name));
    writeFileSync(full, text.replaceAll('FIXTURE', name));
    written.push(full);
    return full;
  });
}

afterEach(() => {
  for (const f of written.splice(0)) rmSync(f, { force: true });
});

function lint(files: string[]): { code: number | null; out: string } {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/oxlint'), ['--deny-warnings', ...files], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

/** Typechecks the given files the way `tsconfig.pure.json` checks the pure folders. */
function pureTypecheck(files: string[]): { code: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'netlab-pure-'));
  const config = join(dir, 'tsconfig.json');
  writeFileSync(
    config,
    JSON.stringify({ extends: join(ROOT, 'tsconfig.pure.json'), include: files, exclude: [] }),
  );
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsc'), ['--noEmit', '-p', config], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  rmSync(dir, { recursive: true, force: true });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('lint enforces the one-way imports', () => {
  const pureBreaks: [string, string, string][] = [
    [
      'src/engine/FIXTURE.ts',
      "import { App } from '../views/App';\nexport const a = App;\n",
      'Imports point one way',
    ],
    [
      'src/model/FIXTURE.ts',
      "import { createNetlabStore } from '../store/netlab-store';\nexport const s = createNetlabStore;\n",
      'Imports point one way',
    ],
    [
      'src/lesson/FIXTURE.ts',
      "import { readSaved } from '../services/persistence';\nexport const r = readSaved;\n",
      'Imports point one way',
    ],
    [
      'src/app-model/FIXTURE.ts',
      "import { parseArgs } from '../cli/args';\nexport const p = parseArgs;\n",
      'Imports point one way',
    ],
    [
      'src/layout/FIXTURE.ts',
      "import { useState } from 'react';\nexport const u = useState;\n",
      'no UI library',
    ],
    [
      'src/app-model/FIXTURE.ts',
      "import { createStore } from 'zustand/vanilla';\nexport const c = createStore;\n",
      'stays free of UI libraries',
    ],
    [
      'src/model/FIXTURE.ts',
      "import { select } from 'd3';\nexport const s = select;\n",
      'must not depend on D3',
    ],
    [
      'src/k8s/FIXTURE.ts',
      "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
      'Node built-ins',
    ],
  ];
  for (const [path, text, why] of pureBreaks) {
    it(`fails on ${path.split('/')[1]} importing ${/from '([^']+)'/.exec(text)![1]}`, () => {
      const r = lint(fixture({ [path]: text }));
      expect(r.code).not.toBe(0);
      expect(r.out).toContain(why);
    });
  }

  it('fails on the CLI importing the store, views or services', () => {
    for (const target of ['../store/netlab-store', '../views/App', '../services/share']) {
      const r = lint(
        fixture({ 'src/cli/FIXTURE.ts': `import * as m from '${target}';\nexport const x = m;\n` }),
      );
      expect(r.code, target).not.toBe(0);
      expect(r.out).toContain('The CLI may import the pure folders');
    }
  });

  it('fails on the store importing a service', () => {
    const r = lint(
      fixture({
        'src/store/FIXTURE.ts':
          "import { readSaved } from '../services/persistence';\nexport const r = readSaved;\n",
      }),
    );
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('The store does no I/O');
  });

  it('fails on an import cycle, even through types only', () => {
    const [a, b] = fixture({
      'src/lib/FIXTURE-a.ts': "import type { B } from './FIXTURE-b';\nexport interface A { b?: B }\n",
      'src/lib/FIXTURE-b.ts': "import type { A } from './FIXTURE-a';\nexport interface B { a?: A }\n",
    });
    const r = lint([a!, b!]);
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('no-cycle');
  });

  it('passes a pure file that keeps to the rules', () => {
    const r = lint(
      fixture({
        'src/engine/FIXTURE.ts': "import { parseIp } from '../lib/ip';\nexport const p = parseIp;\n",
      }),
    );
    expect(r.out).not.toContain('restricted');
    expect(r.code).toBe(0);
  });
});

describe('the pure typecheck rejects UI libraries and the DOM', () => {
  it('fails on React in a pure folder', () => {
    const r = pureTypecheck(
      fixture({ 'src/engine/FIXTURE.ts': "import { useState } from 'react';\nexport const u = useState;\n" }),
    );
    expect(r.code).not.toBe(0);
    expect(r.out).toContain("has no exported member 'useState'");
  });

  it('fails on document or window in a pure folder', () => {
    const r = pureTypecheck(
      fixture({ 'src/model/FIXTURE.ts': 'export const title = (): string => document.title;\n' }),
    );
    expect(r.code).not.toBe(0);
    expect(r.out).toContain("Cannot find name 'document'");
  });

  it('passes plain TypeScript', () => {
    const r = pureTypecheck(
      fixture({ 'src/model/FIXTURE.ts': 'export const twice = (n: number): number => 2 * n;\n' }),
    );
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });
});
