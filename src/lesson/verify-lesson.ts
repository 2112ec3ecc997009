// Checks that need the scenarios loaded: each scenario linted (its errors are the lesson's
// errors unless a step expects them), every name lesson.yaml uses found in a scenario, and every
// file of the folder used.
import type { Diagnostic } from '../lib/diagnostic';
import type { FieldPath } from '../k8s/source';
import { keyOf } from '../k8s/types';
import { closestName } from '../k8s/decoder';
import type { PendingRef } from './decode-checks';
import { loadLabScenario } from './lab';
import { StorageWorld } from './storage-world';
import type { LessonContext } from './lesson-context';
import { resolveEndpoint, scenarioEndpoints } from './refs';
import type { Lesson, ScenarioFile } from './types';
import { t, type LocalText } from '../lib/text';
import { buildTopology } from '../model/topology';
import { resolveTraceEnd, TraceError } from '../model/trace-flow';
import { isDnsName, tracePacket } from '../model/trace-name';
import { josa } from '../lib/korean';

export interface ScenarioReport {
  readonly file: ScenarioFile;
  /** analyzeScenario's diagnostics: loading, then lint when there are no errors. */
  readonly diagnostics: readonly Diagnostic[];
  /** A step says this scenario is broken on purpose. */
  readonly expectErrors: boolean;
}

/** Lints every scenario file; reports as the lesson's errors the ones nobody expected. */
export function lintScenarios(ctx: LessonContext, lesson: Lesson): ScenarioReport[] {
  const files = new Map<string, { file: ScenarioFile; expect: boolean; path: FieldPath }>();
  lesson.steps.forEach((s, i) => {
    if (s.scenario === 'keep') return;
    const prev = files.get(s.scenario.name);
    files.set(s.scenario.name, {
      file: s.scenario,
      expect: (prev?.expect ?? false) || s.expectErrors,
      path: prev?.path ?? ['steps', i, 'scenario'],
    });
  });
  lesson.challenge.checks.forEach((c, i) => {
    if (c.check === 'quiz' && c.scenario && !files.has(c.scenario.name))
      files.set(c.scenario.name, {
        file: c.scenario,
        expect: false,
        path: ['challenge', 'checks', i, 'scenario'],
      });
  });
  const sol = lesson.challenge.solution;
  files.set(sol.name, { file: sol, expect: false, path: ['challenge', 'solution'] });
  return [...files.values()].map(({ file, expect, path }) => {
    const { diagnostics } = loadLabScenario(ctx.lab, file.file, file.text);
    const first = diagnostics.find((d) => d.severity === 'error');
    if (first && !expect) {
      const what = file === sol ? t('the reference solution', '정답 시나리오') : t(file.name, file.name);
      const at = `${first.file}:${first.line}:${first.col}`;
      ctx.r.error(
        'scenario-errors',
        path,
        t(
          `${what.en} has errors (first: ${at}: ${first.message.en}); if the lesson means it, add expectErrors: true to the step`,
          `${what.ko}에 오류가 있습니다(첫 번째: ${at}: ${first.message.ko}). 일부러 그런 것이라면 그 단계에 expectErrors: true를 쓰세요`,
        ),
      );
    } else if (!first && expect) {
      ctx.r.report(
        'warning',
        'expected-errors',
        path,
        t(
          `expectErrors is set, but ${file.name} has no errors`,
          `expectErrors가 있지만 ${file.name}에는 오류가 없습니다`,
        ),
      );
    }
    return { file, diagnostics, expectErrors: expect };
  });
}

/** Every endpoint and policy name lesson.yaml uses must exist in one of its scenarios. */
export function checkNames(ctx: LessonContext): void {
  for (const p of ctx.refs) {
    const files = p.scenarios();
    if (files.length === 0) continue;
    if (p.kind === 'trace-end' || p.kind === 'node') {
      checkPacketName(ctx, p, files);
      continue;
    }
    if (p.kind !== 'endpoint' && p.kind !== 'policy') {
      checkStorageName(ctx, p, files);
      continue;
    }
    let why = '';
    const found = files.some((f) => {
      const cluster = ctx.cluster(f).cluster;
      if (p.kind === 'policy') return cluster.policies.some((x) => keyOf(x) === p.ref);
      const e = resolveEndpoint(cluster, scenarioEndpoints(cluster, [p.ref]), p.ref);
      if (typeof e === 'string') why ||= e;
      return typeof e !== 'string';
    });
    if (found) continue;
    const names = files.map((f) => f.name).join(', ');
    if (p.kind === 'policy') {
      ctx.r.error(
        'unknown-name',
        p.path,
        t(
          `no NetworkPolicy ${p.ref} in ${names}`,
          `${names}에 NetworkPolicy ${josa(p.ref, '이/가')} 없습니다`,
        ),
      );
      continue;
    }
    ctx.r.error(
      'unknown-name',
      p.path,
      t(why.replace(' in the scenario', ` in ${names}`), `${names}에 ${josa(p.ref, '이/가')} 없습니다`),
      t(
        'pods are namespace/name; outside machines are an ExternalEndpoint name or an IP',
        '파드는 namespace/name으로, 클러스터 밖의 머신은 ExternalEndpoint 이름이나 IP로 씁니다',
      ),
    );
  }
}

/** A packet check's end (as `netlab trace` takes it) or a node its devices name. */
function checkPacketName(ctx: LessonContext, p: PendingRef, files: readonly ScenarioFile[]): void {
  const names = files.map((f) => f.name).join(', ');
  const clusters = files
    .map((f) => ctx.cluster(f))
    .filter((a) => !a.hasErrors)
    .map((a) => a.cluster);
  if (clusters.length === 0) return;
  if (p.kind === 'node') {
    const known = clusters.flatMap((c) => c.nodes.map((n) => n.name));
    if (known.includes(p.ref)) return;
    const guess = closestName(p.ref, known);
    ctx.r.error(
      'unknown-name',
      p.path,
      t(`no node ${p.ref} in ${names}`, `${names}에 ${josa(p.ref, '이라는/라는')} 노드가 없습니다`),
      guess ? t(`did you mean ${guess}?`, `혹시 ${guess} 노드 말인가요?`) : undefined,
    );
    return;
  }
  let why: LocalText | undefined;
  // A destination written as a name or URL is fine when the trace can send the packet there.
  const byName = p.from !== undefined && (/^https?:\/\//i.test(p.ref) || isDnsName(p.ref));
  for (const cluster of clusters) {
    try {
      const topology = buildTopology(cluster);
      if (byName) tracePacket(cluster, topology, p.from!, p.ref, p.port ?? { port: 80, protocol: 'TCP' });
      else resolveTraceEnd(cluster, topology, p.ref);
      return;
    } catch (e) {
      if (!(e instanceof TraceError)) throw e;
      why ??= t(e.message, e.ko);
    }
  }
  ctx.r.error(
    'unknown-name',
    p.path,
    t(
      `${p.ref} is not in ${names}: ${why!.en}`,
      `${names}에서 ${josa(p.ref, '을/를')} 찾을 수 없습니다: ${why!.ko}`,
    ),
    t(
      'a packet goes from and to ns/pod, an ExternalEndpoint name, svc:ns/name, or an address (IP or IP:port); to a DNS name from a pod, or to an http(s) URL through the ingress controller',
      '패킷의 출발지와 목적지는 ns/pod, ExternalEndpoint 이름, svc:ns/name, 주소(IP 또는 IP:port)로 씁니다. 파드에서는 DNS 이름으로, 인그레스 컨트롤러를 거칠 때는 http(s) URL로 보낼 수도 있습니다',
    ),
  );
}

/** A name a storage fact uses must be an object (or, in the layers lab, an image or container) of a scenario. */
function checkStorageName(ctx: LessonContext, p: PendingRef, files: readonly ScenarioFile[]): void {
  const lab = ctx.lab === 'layers' ? 'layers' : 'volumes';
  const known = files.flatMap((f) => storageNames(new StorageWorld(lab, f.text, f.file), p.kind));
  if (known.length === 0 && files.every((f) => new StorageWorld(lab, f.text, f.file).errors.length > 0))
    return;
  if (known.includes(p.ref)) return;
  const names = files.map((f) => f.name).join(', ');
  const guess = closestName(p.ref, known);
  ctx.r.error(
    'unknown-name',
    p.path,
    t(`no ${p.kind} ${p.ref} in ${names}`, `${names}에 ${p.ref} ${p.kind} 이름이 없습니다`),
    guess ? t(`did you mean ${guess}?`, `혹시 ${guess} 말인가요?`) : undefined,
  );
}

function storageNames(w: StorageWorld, kind: PendingRef['kind']): string[] {
  switch (kind) {
    case 'claim':
      return w.volumes?.claims.map((c) => c.key) ?? [];
    case 'pv':
      return w.volumes?.volumes.map((v) => v.pv.name) ?? [];
    case 'pod':
      return w.volumes?.pods.map((x) => x.key) ?? [];
    case 'image':
      return w.layers?.builds.map((b) => b.tag) ?? [];
    case 'container':
      return w.layers?.host.containers.map((c) => c.name) ?? [];
    default:
      return [];
  }
}

/** A file of the folder that lesson.yaml never names is a warning: a typo in a name, or left over. */
export function checkUnused(ctx: LessonContext): void {
  for (const name of ctx.input.files.keys()) {
    if (ctx.used.has(name) || name.startsWith('.')) continue;
    ctx.out.push({
      file: `${ctx.input.dir}/${name}`,
      line: 1,
      col: 1,
      severity: 'warning',
      code: 'unused-file',
      message: t(`${name} is not used by lesson.yaml`, `${name} 파일은 lesson.yaml에서 쓰이지 않습니다`),
    });
  }
}
