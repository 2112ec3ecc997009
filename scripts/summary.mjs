#!/usr/bin/env node
// Reads reports/unit.json (Vitest) and reports/e2e.json (Playwright) and prints one plain
// last line such as `57 passed, 0 failed`. Exits 1 if anything failed or a report is missing.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  addCounts,
  countsFromPlaywright,
  countsFromVitest,
  failEmpty,
  summaryLine,
} from './summary-line.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runners = [
  { name: 'unit (vitest)', file: 'reports/unit.json', parse: countsFromVitest },
  { name: 'e2e (playwright)', file: 'reports/e2e.json', parse: countsFromPlaywright },
];

let ok = true;
/** @type {import('./summary-line.mjs').Counts[]} */
const all = [];
for (const r of runners) {
  const path = join(root, r.file);
  if (!existsSync(path)) {
    console.log(`${r.name}: MISSING ${r.file} (counted as 1 failed)`);
    ok = false;
    all.push({ passed: 0, failed: 1, skipped: 0 });
    continue;
  }
  let counts;
  try {
    counts = failEmpty(r.parse(JSON.parse(readFileSync(path, 'utf8'))));
  } catch (err) {
    console.log(`${r.name}: UNREADABLE ${r.file} (${err instanceof Error ? err.message : err})`);
    ok = false;
    continue;
  }
  console.log(`${r.name}: ${summaryLine(counts)}`);
  if (counts.failed > 0) ok = false;
  all.push(counts);
}

const total = addCounts(all);
console.log(summaryLine(total));
process.exit(ok && total.failed === 0 ? 0 : 1);
