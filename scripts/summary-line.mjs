// Pure helpers for scripts/summary.mjs (kept separate so they can be unit-tested).

/**
 * @typedef {{ passed: number, failed: number, skipped: number }} Counts
 */

/**
 * Counts from a Vitest JSON report (Jest-compatible shape).
 * @param {any} report
 * @returns {Counts}
 */
export function countsFromVitest(report) {
  return {
    passed: num(report?.numPassedTests),
    failed: num(report?.numFailedTests),
    skipped: num(report?.numPendingTests) + num(report?.numTodoTests),
  };
}

/**
 * Counts from a Playwright JSON report. Flaky tests (passed on retry) count as passed.
 * @param {any} report
 * @returns {Counts}
 */
export function countsFromPlaywright(report) {
  const stats = report?.stats ?? {};
  return {
    passed: num(stats.expected) + num(stats.flaky),
    // Global errors (a web server that never started, a config error) fail the run too.
    failed: num(stats.unexpected) + (Array.isArray(report?.errors) ? report.errors.length : 0),
    skipped: num(stats.skipped),
  };
}

/**
 * A runner that ran nothing has failed: count that as one failure, so the summary line shows it.
 * @param {Counts} c
 * @returns {Counts}
 */
export function failEmpty(c) {
  return c.passed + c.failed + c.skipped === 0 ? { ...c, failed: 1 } : c;
}

/**
 * @param {Counts[]} list
 * @returns {Counts}
 */
export function addCounts(list) {
  return list.reduce(
    (acc, c) => ({
      passed: acc.passed + c.passed,
      failed: acc.failed + c.failed,
      skipped: acc.skipped + c.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
}

/**
 * The one line CI reads, e.g. `57 passed, 0 failed` or `57 passed, 0 failed, 2 skipped`.
 * @param {Counts} c
 * @returns {string}
 */
export function summaryLine(c) {
  const line = `${c.passed} passed, ${c.failed} failed`;
  return c.skipped > 0 ? `${line}, ${c.skipped} skipped` : line;
}

/** @param {unknown} v */
function num(v) {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}
