// What counts as a change to an object (values, not formatting), which changes a lesson's
// editable list covers, and how the check words the rest for the learner.
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateScenario, toYaml, type Manifest } from '../testing/generate-cluster';
import { y } from '../testing/dedent';
import { namespace, netpol, pod } from '../testing/scenario';
import {
  changedObjects,
  checkEditable,
  EDITABLE_CHECK_ID,
  outsideEditable,
  type ObjectChange,
} from './editable';
import type { EditableCheck, ObjectRef } from './types';

const doc = (...docs: string[]): string => docs.join('\n---\n') + '\n';
const DENY = netpol('prod/deny', 'podSelector: {}\npolicyTypes: [Ingress]');
const WEB = netpol('prod/web', 'podSelector: {matchLabels: {role: web}}\npolicyTypes: [Ingress]');
const BASE = doc(namespace('prod'), pod('prod/web', { role: 'web' }), DENY, WEB);

const short = (cs: readonly ObjectChange[]): string[] =>
  cs.map((c) => `${c.change} ${c.kind} ${c.namespace === undefined ? '' : `${c.namespace}/`}${c.name}`);

describe('changedObjects', () => {
  it('nothing changed: no changes', () => {
    expect(changedObjects(BASE, BASE)).toEqual([]);
  });

  it('added, removed and changed objects, each once, in the order they appear', () => {
    const after = doc(
      namespace('prod', { team: 'a' }),
      pod('prod/web', { role: 'web' }),
      WEB,
      netpol('prod/new', 'podSelector: {}'),
    );
    expect(short(changedObjects(BASE, after))).toEqual([
      'changed Namespace prod',
      'removed NetworkPolicy prod/deny',
      'added NetworkPolicy prod/new',
    ]);
  });

  it('formatting, comments, quoting and key order are not changes', () => {
    const before = y`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        namespace: prod
        labels:
          role: web
          tier: front
      spec:
        containers:
        - name: c
          image: nginx
    `;
    const after = y`
      # the same pod, written differently
      kind: "Pod"
      metadata: {labels: {tier: front, role: 'web'}, namespace: prod, name: web}   # flow style
      spec: {containers: [{image: nginx, name: c}]}
      apiVersion: v1
    `;
    expect(changedObjects(before, after)).toEqual([]);
    // The order of list items does matter: a list is a sequence.
    expect(
      short(
        changedObjects(
          before,
          after.replace('[{image: nginx, name: c}]', '[{image: nginx, name: c}, {image: busybox, name: d}]'),
        ),
      ),
    ).toEqual(['changed Pod prod/web']);
  });

  it('document order is not a change; an object moved into a List is the same object', () => {
    const list = stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [namespace('prod'), pod('prod/web', { role: 'web' }), DENY, WEB].map((d) => parse(d) as unknown),
    });
    expect(changedObjects(BASE, list)).toEqual([]);
    expect(changedObjects(BASE, doc(WEB, DENY, pod('prod/web', { role: 'web' }), namespace('prod')))).toEqual(
      [],
    );
    expect(short(changedObjects(BASE, list.replace('role: web', 'role: api')))).toEqual([
      'changed Pod prod/web',
    ]);
  });

  it('namespaced kinds default to default; writing `namespace: default` is not a change', () => {
    const implicit =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: client}\nspec: {containers: [{name: c, image: curl}]}\n';
    const explicit = implicit.replace('{name: client}', '{name: client, namespace: default}');
    expect(changedObjects(implicit, explicit)).toEqual([]);
    expect(changedObjects('', implicit)).toEqual([
      { kind: 'Pod', namespace: 'default', name: 'client', change: 'added' },
    ]);
    // Moving it to another namespace removes one object and adds another.
    expect(
      short(changedObjects(implicit, implicit.replace('{name: client}', '{name: client, namespace: prod}'))),
    ).toEqual(['removed Pod default/client', 'added Pod prod/client']);
  });

  it('cluster-scoped kinds have no namespace, even when one is written', () => {
    expect(changedObjects('', namespace('prod'))).toEqual([
      { kind: 'Namespace', name: 'prod', change: 'added' },
    ]);
    const ext =
      'apiVersion: netlab.dev/v1\nkind: ExternalEndpoint\nmetadata: {name: user}\nspec: {ip: 203.0.113.10}\n';
    expect(changedObjects(ext, ext.replace('{name: user}', '{name: user, namespace: prod}'))).toEqual([]);
  });

  it('a broken kind put right is one change of the fixed object, not a delete and an add', () => {
    const broken =
      'kind: Networking\nmetadata: {name: db-policy, namespace: prod}\nspec: {podSelector: {}}\n';
    const fixed =
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: db-policy, namespace: prod}\nspec: {podSelector: {}}\n';
    expect(changedObjects(broken, fixed)).toEqual([
      { kind: 'NetworkPolicy', namespace: 'prod', name: 'db-policy', change: 'changed' },
    ]);
    // Only for the same name and namespace.
    expect(short(changedObjects(broken, fixed.replace('namespace: prod', 'namespace: dev')))).toEqual([
      'removed Networking prod/db-policy',
      'added NetworkPolicy dev/db-policy',
    ]);
  });

  it('a duplicated object and its removal are told apart', () => {
    expect(short(changedObjects(doc(DENY, DENY), doc(DENY)))).toEqual(['changed NetworkPolicy prod/deny']);
  });
});

describe('outsideEditable', () => {
  const change = (kind: string, name: string, namespace?: string): ObjectChange => ({
    kind,
    name,
    change: 'changed',
    ...(namespace ? { namespace } : {}),
  });
  const changes = [
    change('NetworkPolicy', 'a', 'prod'),
    change('NetworkPolicy', 'b', 'prod'),
    change('NetworkPolicy', 'c', 'default'),
    change('Namespace', 'prod'),
  ];
  const names = (editable: ObjectRef[]): string[] =>
    outsideEditable(changes, editable).map((c) => `${c.kind} ${c.namespace ?? ''}/${c.name}`);

  it('a ref with a name covers that object only', () => {
    expect(names([{ kind: 'NetworkPolicy', namespace: 'prod', name: 'a' }])).toEqual([
      'NetworkPolicy prod/b',
      'NetworkPolicy default/c',
      'Namespace /prod',
    ]);
  });

  it('a ref without a name covers every object of its kind in its namespace', () => {
    expect(names([{ kind: 'NetworkPolicy', namespace: 'prod' }])).toEqual([
      'NetworkPolicy default/c',
      'Namespace /prod',
    ]);
  });

  it('a ref without a namespace means default for namespaced kinds, and any name for cluster-scoped ones', () => {
    expect(names([{ kind: 'NetworkPolicy' }, { kind: 'Namespace', name: 'prod' }])).toEqual([
      'NetworkPolicy prod/a',
      'NetworkPolicy prod/b',
    ]);
    expect(
      names([
        { kind: 'NetworkPolicy', namespace: 'default', name: 'c' },
        { kind: 'Namespace', namespace: 'ignored' },
      ]),
    ).toEqual(['NetworkPolicy prod/a', 'NetworkPolicy prod/b']);
  });

  it('the kind must match', () => {
    expect(names([{ kind: 'Pod', namespace: 'prod' }])).toHaveLength(4);
    expect(names([])).toHaveLength(4);
  });
});

describe('checkEditable', () => {
  const check = (editable: ObjectRef[]): EditableCheck => ({
    check: 'editable',
    id: EDITABLE_CHECK_ID,
    step: 'fix',
    editable,
    start: { name: 'start.yaml', file: 'lessons/x/start.yaml', text: BASE },
    at: { file: 'lessons/x/lesson.yaml', line: 1, col: 1 },
  });

  it('passes when only editable objects changed, in both languages', () => {
    const r = checkEditable(
      check([{ kind: 'NetworkPolicy', namespace: 'prod', name: 'web' }]),
      BASE.replace('role: web}}\n  policyTypes', 'role: api}}\n  policyTypes'),
    );
    expect(r).toEqual({
      passed: true,
      message: {
        en: 'You changed only what this lesson lets you change.',
        ko: '이 레슨에서 바꿔도 되는 것만 바꾸었습니다.',
      },
    });
  });

  it('names what it keeps and what may change, and how to undo', () => {
    const r = checkEditable(
      check([{ kind: 'NetworkPolicy', namespace: 'prod', name: 'web' }]),
      doc(namespace('prod'), pod('prod/web', { role: 'web' }), WEB),
    );
    expect(r.passed).toBe(false);
    expect(r.message.en).toBe(
      'This lesson keeps NetworkPolicy prod/deny (deleted) as it was: change only NetworkPolicy prod/web. ' +
        'Undo that edit (Ctrl+Z in the editor), or start over with “Load this step’s scenario again”.',
    );
    expect(r.message.ko).toBe(
      'NetworkPolicy prod/deny(삭제됨)는 이 레슨에서 처음 그대로 두어야 합니다. 바꿀 수 있는 것은 NetworkPolicy prod/web뿐입니다. ' +
        '편집기에서 Ctrl+Z로 되돌리거나, “이 단계의 시나리오 다시 불러오기”로 처음부터 다시 하세요.',
    );
  });

  it('lists three objects, then how many more; a ref without a name reads "any … (new ones too)"', () => {
    const more = ['a', 'b', 'c', 'd', 'e'].map((n) => pod(`default/${n}`));
    const r = checkEditable(
      check([
        { kind: 'NetworkPolicy', namespace: 'prod' },
        { kind: 'Namespace', name: 'prod' },
      ]),
      doc(BASE.trimEnd(), ...more),
    );
    expect(r.message.en).toMatch(
      /^This lesson keeps Pod default\/a \(added\), Pod default\/b \(added\), Pod default\/c \(added\) and 2 more as it was: change only any NetworkPolicy in prod \(new ones too\), Namespace prod\./,
    );
    expect(r.message.ko).toMatch(
      /^Pod default\/a\(추가됨\), Pod default\/b\(추가됨\), Pod default\/c\(추가됨\) 외 2개는 .* 바꿀 수 있는 것은 prod의 모든 NetworkPolicy\(새로 만드는 것 포함\), Namespace prod뿐입니다\./,
    );
  });
});

describe('properties', () => {
  const scenarios = fc
    .record({
      seed: fc.integer(),
      pods: fc.integer({ min: 1, max: 30 }),
      policies: fc.integer({ min: 1, max: 8 }),
      namespaces: fc.integer({ min: 2, max: 4 }),
    })
    .map((o) => generateScenario(o));
  const reverseKeys = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(reverseKeys)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .reverse()
              .map(([k, x]) => [k, reverseKeys(x)]),
          )
        : v;

  it('the same objects rewritten (shuffled documents, other key order, flow style or a List) are unchanged', () => {
    const rewritten = scenarios.chain((ms) =>
      fc.tuple(
        fc.constant(ms),
        fc.shuffledSubarray(ms, { minLength: ms.length, maxLength: ms.length }),
        fc.constantFrom('block', 'flow', 'list'),
      ),
    );
    fc.assert(
      fc.property(rewritten, ([ms, shuffled, style]) => {
        const objects = shuffled.map(reverseKeys);
        const text =
          style === 'list'
            ? stringify({ apiVersion: 'v1', kind: 'List', items: objects })
            : objects
                .map(
                  (m) =>
                    `# ${String((m as Manifest).kind)}\n${stringify(m, { collectionStyle: style === 'flow' ? 'flow' : 'any' })}`,
                )
                .join('---\n');
        expect(changedObjects(toYaml(ms), text)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("one object's label change is reported exactly once, as that object", () => {
    fc.assert(
      fc.property(scenarios, fc.nat(), (ms, pick) => {
        const i = pick % ms.length;
        const target = ms[i]!;
        const meta = target.metadata as { name: string; namespace?: string; labels?: Record<string, string> };
        const edited = ms.map((m, j) =>
          j === i
            ? { ...m, metadata: { ...meta, labels: { ...meta.labels, 'netlab.dev/edited': 'yes' } } }
            : m,
        );
        const kind = String(target.kind);
        const namespaced = kind === 'Pod' || kind === 'NetworkPolicy' || kind === 'Service';
        expect(changedObjects(toYaml(ms), toYaml(edited))).toEqual([
          {
            kind,
            name: meta.name,
            change: 'changed',
            ...(namespaced ? { namespace: meta.namespace ?? 'default' } : {}),
          },
        ]);
      }),
      { numRuns: 100 },
    );
  });
});
