// `netlab test EXPECTATIONS.yaml FILE...`: reachability promises checked against the scenario,
// for CI. Each promise that does not hold is printed with where it is written, what netlab found
// and the engine's explanation of the first pair that differs. Exit 1 when any promise fails.
import { analyzeScenario } from '../engine/analyze';
import { buildEndpoints } from '../engine/endpoints';
import { checkExpectation, readExpectations, type ExpectationResult } from '../engine/expectations';
import { explainFlow } from '../engine/explain-reasons';
import { explanationLines } from '../engine/explain-text';
import { buildServices } from '../engine/services';
import type { ManifestFile } from '../k8s/source';
import type { Cluster } from '../k8s/types';
import { formatDiagnostic } from '../lib/diagnostic';
import { WORDS, type Locale } from '../lib/text';
import { UsageError, type CliArgs } from './args';
import { serviceFlowText } from './check';
import type { CommandResult } from './command-result';

export function runTest(args: CliArgs, read: (names: readonly string[]) => ManifestFile[]): CommandResult {
  const [expectationsFile, ...scenario] = args.files;
  if (!expectationsFile || scenario.length === 0)
    throw new UsageError('test needs EXPECTATIONS.yaml and at least one FILE');
  const [file] = read([expectationsFile]);
  const { expectations, diagnostics } = readExpectations(file!);
  const lines = (ds: typeof diagnostics): string =>
    ds.map((d) => formatDiagnostic(d, args.lang) + '\n').join('');
  if (diagnostics.some((d) => d.severity === 'error'))
    return { stdout: '', stderr: lines(diagnostics), code: 2 };
  const analysis = analyzeScenario(read(scenario));
  if (analysis.hasErrors)
    return { stdout: '', stderr: lines(analysis.diagnostics.filter((d) => d.severity === 'error')), code: 1 };
  const { cluster } = analysis;
  const endpoints = buildEndpoints(cluster);
  const services = buildServices(cluster);
  const results = expectations.map((x) => checkExpectation(cluster, endpoints, services, x));
  const failed = results.filter((r) => !r.passed).length;
  const out = results.map((r) => resultText(r, cluster, args.lang)).join('');
  const summary =
    args.lang === 'ko'
      ? `기대 ${results.length}개: 통과 ${results.length - failed}개, 실패 ${failed}개\n`
      : `${results.length} expectation(s): ${results.length - failed} passed, ${failed} failed\n`;
  return { stdout: out + summary, stderr: '', code: failed > 0 ? 1 : 0 };
}

function resultText(r: ExpectationResult, cluster: Cluster, locale: Locale): string {
  const x = r.expectation;
  const flow = `${x.from} → ${x.to} ${x.port.port}/${x.port.protocol}`;
  const want = WORDS.cell(x.expect === 'allow')[locale];
  const where = `${x.at.file}:${x.at.line}:${x.at.col}`;
  if (r.passed) return `✓ ${flow}: ${want}${locale === 'ko' ? ', 기대한 대로' : ', as expected'}\n`;
  if (r.error) return `✗ ${where}: ${flow}: ${r.error[locale]}\n`;
  if (r.pairs.length === 0)
    return `✗ ${where}: ${flow}: ${locale === 'ko' ? '판정할 파드 쌍이 없습니다' : 'no pod pair to judge'}\n`;
  const wrong = r.pairs.filter((p) => (x.expect === 'allow' ? !p.allowed : p.allowed || p.some));
  const got =
    locale === 'ko'
      ? `기대한 판정은 ${want}인데, 파드 쌍 ${r.pairs.length}개 중 ${wrong.length}개가 다릅니다`
      : `expected ${want}, but ${wrong.length} of ${r.pairs.length} pod pair(s) differ`;
  const first = wrong[0]!;
  const why = first.flow
    ? explanationLines(explainFlow(first.flow, cluster.policies), locale)
    : serviceFlowText(first.service!, first.from, cluster, locale);
  return `✗ ${where}: ${flow}: ${got}\n${why.map((l) => `    ${l}\n`).join('')}`;
}
