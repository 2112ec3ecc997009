import { describe, expect, it } from 'vitest';
import {
  addCounts,
  countsFromPlaywright,
  countsFromVitest,
  failEmpty,
  summaryLine,
} from './summary-line.mjs';

describe('summaryLine', () => {
  it('prints passed and failed', () => {
    expect(summaryLine({ passed: 57, failed: 0, skipped: 0 })).toBe('57 passed, 0 failed');
  });
  it('adds skipped only when non-zero', () => {
    expect(summaryLine({ passed: 3, failed: 1, skipped: 2 })).toBe('3 passed, 1 failed, 2 skipped');
  });
});

describe('report parsing', () => {
  it('reads Vitest counts', () => {
    expect(countsFromVitest({ numPassedTests: 5, numFailedTests: 1, numPendingTests: 2 })).toEqual({
      passed: 5,
      failed: 1,
      skipped: 2,
    });
  });
  it('reads Playwright stats, counting flaky as passed', () => {
    expect(countsFromPlaywright({ stats: { expected: 2, unexpected: 1, flaky: 1, skipped: 3 } })).toEqual({
      passed: 3,
      failed: 1,
      skipped: 3,
    });
  });
  it('treats missing fields as zero and sums runners', () => {
    const total = addCounts([countsFromVitest({}), countsFromPlaywright({ stats: { expected: 4 } })]);
    expect(summaryLine(total)).toBe('4 passed, 0 failed');
  });
});

describe('runs that did not happen', () => {
  it('counts Playwright global errors as failures', () => {
    expect(
      countsFromPlaywright({ stats: { expected: 0 }, errors: [{ message: 'port in use' }] }).failed,
    ).toBe(1);
  });
  it('a runner that ran no test counts as one failure', () => {
    expect(failEmpty({ passed: 0, failed: 0, skipped: 0 })).toEqual({ passed: 0, failed: 1, skipped: 0 });
    expect(failEmpty({ passed: 2, failed: 0, skipped: 0 })).toEqual({ passed: 2, failed: 0, skipped: 0 });
  });
});
