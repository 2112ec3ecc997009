// lesson.yaml `steps[]` → typed steps: text per locale, the scenario in effect at each step,
// editable objects, highlights and a packet to play.
import type { FieldPath } from '../k8s/source';
import { quote } from '../lib/user-text';
import { EDITABLE_KINDS } from './lab';
import { readPacketEnds } from './decode-packet';
import { type Dict } from './field-reader';
import type { LessonContext } from './lesson-context';
import type { FlowRef, Highlight, ObjectRef, ScenarioFile, Step } from './types';
import { t } from '../lib/text';
import { josa } from '../lib/korean';

const STEP = ['id', 'title', 'text', 'scenario', 'expectErrors', 'editable', 'highlight', 'packet'];
const STEP_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function decodeSteps(ctx: LessonContext, value: unknown): Step[] | undefined {
  const r = ctx.r;
  const list = r.list(value, ['steps']);
  if (!list) return undefined;
  for (const raw of list) {
    const id = typeof raw === 'object' && raw !== null ? (raw as Dict).id : undefined;
    if (typeof id === 'string') ctx.stepIds.push(id);
  }
  if (list.length === 0)
    r.error(
      'empty',
      ['steps'],
      t('a lesson needs at least one step', '레슨에는 단계가 하나 이상 있어야 합니다'),
    );
  const steps: Step[] = [];
  const ids = new Set<string>();
  let effective: ScenarioFile | undefined;
  list.forEach((raw, i) => {
    const path = ['steps', i];
    const m = r.map(raw, path);
    if (!m) return;
    r.fields(m, path, STEP);
    r.need(m, 'id', path);
    const id = r.string(m.id, [...path, 'id']);
    if (id !== undefined) {
      if (!STEP_ID.test(id))
        r.error(
          'step-id',
          [...path, 'id'],
          t(
            `step id ${quote(id)}: use lower-case words joined by "-"`,
            `단계 id ${quote(id)}: 소문자 단어를 "-"로 이어 쓰세요`,
          ),
        );
      if (ids.has(id))
        r.error(
          'duplicate-id',
          [...path, 'id'],
          t(`step id ${quote(id)} is used twice`, `단계 id ${josa(quote(id), '이/가')} 두 번 쓰였습니다`),
        );
      ids.add(id);
    }
    const title = m.title === undefined ? undefined : r.localText(m.title, [...path, 'title']);
    const text = ctx.text(m.text, [...path, 'text']);
    let scenario: ScenarioFile | 'keep' | undefined = 'keep';
    if (m.scenario !== undefined && m.scenario !== 'keep')
      scenario = ctx.scenarioFile(m.scenario, [...path, 'scenario']);
    if (scenario === 'keep' && i === 0) {
      r.error(
        'first-scenario',
        [...path, m.scenario === undefined ? 'id' : 'scenario'],
        t(
          'the first step must name its scenario file, e.g. scenario: start.yaml',
          '첫 단계에는 시나리오 파일을 써야 합니다. 예: scenario: start.yaml',
        ),
      );
    }
    if (scenario && scenario !== 'keep') effective = scenario;
    const expectErrors = r.bool(m.expectErrors, [...path, 'expectErrors']) ?? false;
    if (expectErrors && scenario === 'keep')
      r.error(
        'expect-errors',
        [...path, 'expectErrors'],
        t(
          'expectErrors belongs to a step that names its scenario file',
          'expectErrors는 시나리오 파일을 지정한 단계에 씁니다',
        ),
      );
    // Names a step shows must exist in its scenario, or in the solution (objects the learner adds).
    const here = effective;
    const around = (): ScenarioFile[] =>
      [here, ctx.solution].filter((s): s is ScenarioFile => s !== undefined);
    const editable = decodeEditable(ctx, m.editable, [...path, 'editable']);
    for (const key of ['highlight', 'packet'] as const)
      if (m[key] !== undefined && ctx.lab !== 'network')
        r.error(
          'lab',
          [...path, key],
          t(`${key} belongs to the networking lab`, `${key} 필드는 네트워크 실습에서만 씁니다`),
        );
    const highlight = decodeHighlight(ctx, m.highlight, [...path, 'highlight'], around);
    const packet =
      m.packet === undefined ? undefined : stepPacket(ctx, m.packet, [...path, 'packet'], around);
    if (packet && packet.from === packet.to)
      r.error(
        'packet',
        [...path, 'packet'],
        t('a packet needs two different endpoints', '패킷에는 서로 다른 두 엔드포인트가 필요합니다'),
      );
    if (id === undefined || !text || !scenario || !here) return;
    const editableAt = editable.length > 0 ? { editableAt: r.at([...path, 'editable']) } : {};
    steps.push({
      id,
      text,
      scenario,
      effectiveScenario: here,
      expectErrors,
      editable,
      ...editableAt,
      highlight,
      ...(title ? { title } : {}),
      ...(packet ? { packet } : {}),
    });
  });
  return steps;
}

function decodeEditable(ctx: LessonContext, value: unknown, path: FieldPath): ObjectRef[] {
  const r = ctx.r;
  const out: ObjectRef[] = [];
  (r.list(value, path) ?? []).forEach((raw, i) => {
    const p = [...path, i];
    const m = r.map(raw, p);
    if (!m) return;
    r.fields(m, p, ['kind', 'namespace', 'name']);
    if (!r.need(m, 'kind', p)) return;
    const kind = r.string(m.kind, [...p, 'kind']);
    if (kind === undefined) return;
    const kinds = EDITABLE_KINDS[ctx.lab];
    if (!kinds.includes(kind))
      r.error(
        'object-kind',
        [...p, 'kind'],
        t(`kind must be one of ${kinds.join(', ')}`, `kind는 ${kinds.join(', ')} 중 하나여야 합니다`),
      );
    const namespace = r.string(m.namespace, [...p, 'namespace']);
    const name = r.string(m.name, [...p, 'name']);
    out.push({
      kind,
      ...(namespace !== undefined ? { namespace } : {}),
      ...(name !== undefined ? { name } : {}),
    });
  });
  return out;
}

function decodeHighlight(
  ctx: LessonContext,
  value: unknown,
  path: FieldPath,
  scenarios: () => ScenarioFile[],
): Highlight {
  const r = ctx.r;
  const m = r.map(value, path) ?? {};
  r.fields(m, path, ['endpoints', 'policies']);
  const endpoints = r.strings(m.endpoints, [...path, 'endpoints']);
  const policies = r.strings(m.policies, [...path, 'policies']);
  endpoints.forEach((ref, i) =>
    ctx.refs.push({ kind: 'endpoint', ref, path: [...path, 'endpoints', i], scenarios }),
  );
  policies.forEach((ref, i) =>
    ctx.refs.push({ kind: 'policy', ref, path: [...path, 'policies', i], scenarios }),
  );
  return { endpoints, policies };
}

/** A step's packet to play: `{from, to, port}` as the trace takes them (`to` a DNS name or URL too). */
function stepPacket(
  ctx: LessonContext,
  value: unknown,
  path: FieldPath,
  scenarios: () => readonly ScenarioFile[],
): FlowRef | undefined {
  const cc = ctx.checkContext([]);
  const m = cc.r.map(value, path);
  if (!m) return undefined;
  cc.r.fields(m, path, ['from', 'to', 'port']);
  const { ok, from, to, port } = readPacketEnds(cc, m, path, scenarios);
  if (!ok || from === undefined || to === undefined || !port) return undefined;
  return { from, to, port, at: cc.r.at(path) };
}
