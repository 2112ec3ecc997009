// lesson.yaml facts for the storage labs → typed facts, and the `facts` and `predict` checks
// built from them. A fact is a mapping whose first key says what it is about: `claim`, `pv`,
// `pod` (volumes lab), `image`, `container` (layers lab). Names are checked against the scenarios
// once those are loaded, like endpoint names.
import { type LocalText } from '../lib/text';
import type { FieldPath } from '../k8s/source';
import { parseByteSize } from '../storage/byte-size';
import type { CheckContext } from './check-context';
import { factText, type DataPlace, type Fact } from './facts';
import { type Dict } from './field-reader';
import { t } from '../lib/text';
import type { LabKind } from './lab';
import { readQuizOptions } from './quiz-options';
import type { Check, ScenarioFile } from './types';

const FIELDS: Readonly<Record<Fact['kind'], readonly string[]>> = {
  claim: ['claim', 'phase', 'volume', 'afterDeleting'],
  volume: ['pv', 'phase', 'claim', 'afterDeleting'],
  pod: ['pod', 'status', 'node', 'afterDeleting'],
  image: ['image', 'sizes', 'size', 'cached'],
  step: ['image', 'step', 'status'],
  data: ['container', 'path', 'lives'],
  mount: ['container', 'target', 'type', 'source'],
};

const LAB_OF: Readonly<Record<Fact['kind'], Exclude<LabKind, 'network'>>> = {
  claim: 'volumes',
  volume: 'volumes',
  pod: 'volumes',
  image: 'layers',
  step: 'layers',
  data: 'layers',
  mount: 'layers',
};

function kindOf(m: Dict): Fact['kind'] | undefined {
  if (m.pv !== undefined) return 'volume';
  if (m.claim !== undefined) return 'claim';
  if (m.pod !== undefined) return 'pod';
  if (m.image !== undefined) return m.step !== undefined ? 'step' : 'image';
  if (m.container !== undefined) return m.target !== undefined ? 'mount' : 'data';
  return undefined;
}

/** One of `allowed`, or an error. */
function choice<T extends string>(
  ctx: CheckContext,
  value: unknown,
  path: FieldPath,
  allowed: readonly T[],
): T | undefined {
  const s = ctx.r.string(value, path);
  if (s === undefined) return undefined;
  if ((allowed as readonly string[]).includes(s)) return s as T;
  ctx.r.error(
    'fact',
    path,
    t(`"${s}" is not one of ${allowed.join(', ')}`, `"${s}" 값은 ${allowed.join(', ')} 중 하나가 아닙니다`),
  );
  return undefined;
}

function size(ctx: CheckContext, value: unknown, path: FieldPath): number | undefined {
  const s = typeof value === 'number' ? `${value}B` : ctx.r.string(value, path);
  const bytes = s === undefined ? undefined : parseByteSize(s);
  if (s !== undefined && bytes === undefined)
    ctx.r.error(
      'fact',
      path,
      t(
        `"${s}" is not a size: write it like 306MB or 0B`,
        `"${s}" 값은 크기가 아닙니다. 306MB, 0B처럼 쓰세요`,
      ),
    );
  return bytes;
}

/** A fact, its names queued for checking against `scenarios`. */
export function decodeFact(
  ctx: CheckContext,
  raw: unknown,
  path: FieldPath,
  scenarios: () => readonly ScenarioFile[],
): Fact | undefined {
  const { r } = ctx;
  const m = r.map(raw, path);
  if (!m) return undefined;
  const kind = kindOf(m);
  if (!kind) {
    r.error(
      'fact',
      path,
      t(
        ctx.lab === 'layers'
          ? 'a fact starts with image: or container:'
          : 'a fact starts with claim:, pv: or pod:',
        ctx.lab === 'layers'
          ? '사실(fact)은 image: 또는 container:로 시작합니다'
          : '사실(fact)은 claim:, pv:, pod: 중 하나로 시작합니다',
      ),
    );
    return undefined;
  }
  if (LAB_OF[kind] !== ctx.lab) {
    r.error(
      'fact',
      path,
      t(
        `${kind} facts belong to the ${LAB_OF[kind]} lab, and this lesson is in the ${ctx.lab} lab`,
        `${kind} 사실은 ${LAB_OF[kind]} 실습용인데, 이 레슨은 ${ctx.lab} 실습입니다`,
      ),
    );
    return undefined;
  }
  r.fields(m, path, FIELDS[kind]);
  const name = (key: string, refKind: 'claim' | 'pv' | 'pod' | 'image' | 'container'): string | undefined => {
    const v = r.string(m[key], [...path, key]);
    if (v !== undefined) ctx.refs.push({ kind: refKind, ref: v, path: [...path, key], scenarios });
    return v;
  };
  const at = r.at(path);
  const afterDeleting =
    kind === 'claim' || kind === 'volume' || kind === 'pod' ? name('afterDeleting', 'claim') : undefined;
  const base = { at, ...(afterDeleting ? { afterDeleting } : {}) };
  switch (kind) {
    case 'claim': {
      const claim = name('claim', 'claim');
      const phase = choice(ctx, m.phase, [...path, 'phase'], ['Bound', 'Pending'] as const);
      const volume = m.volume === 'provisioned' ? 'provisioned' : name('volume', 'pv');
      return claim
        ? { ...base, kind, claim, ...(phase ? { phase } : {}), ...(volume ? { volume } : {}) }
        : undefined;
    }
    case 'volume': {
      const volume = name('pv', 'pv');
      const phase = choice(ctx, m.phase, [...path, 'phase'], [
        'Available',
        'Bound',
        'Released',
        'Failed',
        'deleted',
      ] as const);
      const claim = name('claim', 'claim');
      return volume
        ? { ...base, kind, volume, ...(phase ? { phase } : {}), ...(claim ? { claim } : {}) }
        : undefined;
    }
    case 'pod': {
      const pod = name('pod', 'pod');
      const status = choice(ctx, m.status, [...path, 'status'], [
        'Running',
        'Pending',
        'ContainerCreating',
      ] as const);
      const node = r.string(m.node, [...path, 'node']);
      return pod
        ? { ...base, kind, pod, ...(status ? { status } : {}), ...(node ? { node } : {}) }
        : undefined;
    }
    case 'image': {
      const image = name('image', 'image');
      const sizes =
        m.sizes === undefined
          ? undefined
          : (r.list(m.sizes, [...path, 'sizes']) ?? []).map((v, i) => size(ctx, v, [...path, 'sizes', i]));
      const total = m.size === undefined ? undefined : size(ctx, m.size, [...path, 'size']);
      const cached = r.int(m.cached, [...path, 'cached'], 0, 999);
      if (sizes === undefined && total === undefined && cached === undefined)
        r.error(
          'fact',
          path,
          t(
            'an image fact needs sizes, size or cached',
            'image 사실에는 sizes, size, cached 중 하나가 필요합니다',
          ),
        );
      if (!image || sizes?.some((s) => s === undefined)) return undefined;
      return {
        ...base,
        kind,
        image,
        ...(sizes ? { sizes: sizes as number[] } : {}),
        ...(total !== undefined ? { size: total } : {}),
        ...(cached !== undefined ? { cached } : {}),
      };
    }
    case 'step': {
      const image = name('image', 'image');
      const step = r.string(m.step, [...path, 'step']);
      const status = choice(ctx, m.status, [...path, 'status'], [
        'pulled',
        'present',
        'cached',
        'built',
      ] as const);
      if (!r.need(m, 'status', path) || !image || !step || !status) return undefined;
      return { ...base, kind, image, step, status };
    }
    case 'data': {
      const container = name('container', 'container');
      const p = r.string(m.path, [...path, 'path']);
      const lives = choice<DataPlace>(
        ctx,
        m.lives,
        [...path, 'lives'],
        ['container-layer', 'volume', 'bind', 'lost'],
      );
      if (!r.need(m, 'path', path) || !r.need(m, 'lives', path) || !container || !p || !lives)
        return undefined;
      return { ...base, kind, container, path: p, lives };
    }
    case 'mount': {
      const container = name('container', 'container');
      const target = r.string(m.target, [...path, 'target']);
      const type = choice(ctx, m.type, [...path, 'type'], ['volume', 'bind'] as const);
      const source = r.string(m.source, [...path, 'source']);
      if (!r.need(m, 'type', path) || !container || !target || !type) return undefined;
      return { ...base, kind, container, target, type, ...(source ? { source } : {}) };
    }
  }
}

/** `check: facts` and `check: predict`; `base` carries id, step, messages and position. */
export function decodeStorageCheck(
  ctx: CheckContext,
  m: Dict,
  path: FieldPath,
  base: Record<string, unknown> & { step: string },
  kind: 'facts' | 'predict',
): Check | undefined {
  const { r } = ctx;
  const onSolution = (): ScenarioFile[] => [ctx.solution()].filter((s): s is ScenarioFile => s !== undefined);
  if (kind === 'facts') {
    if (!r.need(m, 'facts', path)) return undefined;
    const facts = (r.list(m.facts, [...path, 'facts']) ?? []).map((f, i) =>
      decodeFact(ctx, f, [...path, 'facts', i], onSolution),
    );
    if (facts.length === 0)
      r.error('empty', [...path, 'facts'], t('list at least one fact', '사실(fact)을 하나 이상 쓰세요'));
    return {
      ...(base as Omit<Check, 'check'>),
      check: 'facts',
      facts: facts.filter((f): f is Fact => f !== undefined),
    } as Check;
  }
  const question = r.need(m, 'question', path) ? r.localText(m.question, [...path, 'question']) : undefined;
  const scenario = m.scenario === undefined ? undefined : ctx.scenarioFile(m.scenario, [...path, 'scenario']);
  const on = (): ScenarioFile[] =>
    [scenario ?? ctx.stepScenario(base.step)].filter((s): s is ScenarioFile => s !== undefined);
  const reveal = m.reveal === undefined ? undefined : r.localText(m.reveal, [...path, 'reveal']);
  const options: { id: string; text: LocalText; fact: Fact }[] = readQuizOptions(
    r,
    m.options,
    path,
    'fact',
    (raw, at) => decodeFact(ctx, raw, at, on),
  ).map(({ id, text, answer: fact }) => ({ id, text: text ?? factText(fact), fact }));
  if (!question) return undefined;
  return {
    ...(base as Omit<Check, 'check'>),
    check: 'predict',
    question,
    options,
    ...(scenario ? { scenario } : {}),
    ...(reveal ? { reveal } : {}),
  } as Check;
}
