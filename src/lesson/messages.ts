// The words of check results: default messages per check kind and the {placeholders} each kind
// fills from the engine (lib/text.ts fills them). Authors may only use a kind's own placeholders;
// load-lesson.ts rejects the others so no `{typo}` reaches a learner.
import { t, WORDS as SHARED_WORDS, type LocalText } from '../lib/text';
import type { CheckKind } from './types';

export const PLACEHOLDERS: Readonly<Record<CheckKind, readonly string[]>> = {
  flows: ['flow', 'expected', 'actual', 'why', 'count', 'more'],
  'least-privilege': ['flow', 'problem', 'why', 'count', 'more'],
  matrix: ['flow', 'expected', 'actual', 'why', 'count', 'more'],
  reach: ['difference', 'count', 'more'],
  object: ['object', 'problem'],
  'no-errors': ['first', 'count'],
  quiz: ['answer', 'why'],
  packet: ['packet', 'problem', 'path', 'count', 'more'],
  facts: ['fact', 'actual', 'count', 'more'],
  predict: ['answer', 'why'],
  editable: ['changed', 'editable', 'count'],
};

/** Names of the `{placeholders}` a template uses. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]!);
}

/** The words of check messages (verdicts are the ones every surface shares). */
export const WORDS = {
  allowed: SHARED_WORDS.allowed,
  denied: SHARED_WORDS.denied,
  more: (n: number): LocalText =>
    n > 0 ? t(`(${n} more like this)`, `(이런 흐름이 ${n}개 더 있습니다)`) : t('', ''),
  /** A reach check's further differences. */
  moreDifferences: (n: number): LocalText =>
    n > 0 ? t(`(${n} more difference(s) like this)`, `(이런 차이가 ${n}개 더 있습니다)`) : t('', ''),
  extra: t(
    'allowed, but not one of the flows the task needs: something is open wider than necessary',
    '필요한 흐름 목록에 없는데 허용되어 있습니다. 필요 이상으로 열려 있습니다',
  ),
  missing: t('needed, but denied', '필요한 흐름인데 차단됩니다'),
  /** The two answers of a yes/no quiz about one flow, unless the author words them. */
  yes: t('Allowed', '허용'),
  no: t('Denied', '차단'),
  /** How an object the learner may not touch was changed. */
  added: t('added', '추가됨'),
  removed: t('deleted', '삭제됨'),
  changed: t('changed', '바뀜'),
  /** An editable ref without a name: any object of its kind (and namespace), new ones too. */
  anyOf: (kind: string, namespace: string | undefined): LocalText =>
    namespace === undefined
      ? t(`any ${kind} (new ones too)`, `모든 ${kind}(새로 만드는 것 포함)`)
      : t(`any ${kind} in ${namespace} (new ones too)`, `${namespace}의 모든 ${kind}(새로 만드는 것 포함)`),
  /** A list cut to its first few items. */
  andMore: (n: number): LocalText => t(` and ${n} more`, ` 외 ${n}개`),
};

/** Default failure and success messages, used when the author wrote none. */
export const DEFAULTS: Readonly<Record<CheckKind, { readonly fail: LocalText; readonly pass: LocalText }>> = {
  flows: {
    fail: t(
      '{flow}: should be {expected}, but it is {actual}. {why} {more}',
      '{flow}: {expected}되어야 하는데 지금은 {actual}됩니다. {why} {more}',
    ),
    pass: t(
      'Every listed flow ({count}) behaves as required.',
      '적어 둔 흐름 {count}개가 모두 요구한 대로 동작합니다.',
    ),
  },
  'least-privilege': {
    fail: t('{flow}: {problem}. {why} {more}', '{flow}: {problem}. {why} {more}'),
    pass: t(
      'Exactly the needed flows are open, nothing more.',
      '필요한 흐름만 정확히 열려 있고, 그 밖에는 모두 막혀 있습니다.',
    ),
  },
  matrix: {
    fail: t(
      '{flow}: the goal is {expected}, but it is {actual}. {why} {more}',
      '{flow}: 목표는 {expected}인데 지금은 {actual}입니다. {why} {more}',
    ),
    pass: t('The whole matrix matches the goal.', '도달 가능성 표 전체가 목표와 같습니다.'),
  },
  reach: {
    fail: t('{difference} {more}', '{difference} {more}'),
    pass: t(
      'Exactly what the task asks gets through, for every pod and address that could exist: new namespaces, unlabelled pods and the internet included.',
      '새 네임스페이스, 레이블 없는 파드, 인터넷 주소까지 앞으로 생길 수 있는 모든 파드와 주소에 대해 과제가 요구한 흐름만 정확히 통과합니다.',
    ),
  },
  object: {
    fail: t('{object}: {problem}.', '{object}: {problem}.'),
    pass: t('{object}: as required.', '{object}: 요구한 대로입니다.'),
  },
  'no-errors': {
    fail: t(
      '{count} problem(s) left. The first: {first}',
      '남은 문제가 {count}개 있습니다. 첫 번째: {first}',
    ),
    pass: t('The scenario has no errors.', '시나리오에 오류가 없습니다.'),
  },
  quiz: {
    fail: t(
      'Not this time. The engine says: {answer}. {why}',
      '아쉽게도 틀렸습니다. 엔진의 판정: {answer}. {why}',
    ),
    pass: t('Right: {answer}. {why}', '정답입니다: {answer}. {why}'),
  },
  packet: {
    fail: t('{packet}: {problem} Its path: {path}. {more}', '{packet}: {problem} 지나간 길: {path}. {more}'),
    pass: t(
      '{packet}: the packet goes exactly as the task says ({count} things checked).',
      '{packet}: 패킷이 과제에서 말한 그대로 지나갑니다(확인한 것 {count}가지).',
    ),
  },
  facts: {
    fail: t('Not yet: {fact}. Now: {actual}. {more}', '아직 아닙니다. 요구: {fact}. 지금: {actual}. {more}'),
    pass: t('Every fact holds ({count}).', '요구한 사실 {count}개가 모두 맞습니다.'),
  },
  predict: {
    fail: t(
      'Not this time. The engine says: {answer}. {why}',
      '아쉽게도 틀렸습니다. 엔진의 판정: {answer}. {why}',
    ),
    pass: t('Right: {answer}. {why}', '정답입니다: {answer}. {why}'),
  },
  editable: {
    fail: t(
      'This lesson keeps {changed} as it was: change only {editable}. Undo that edit (Ctrl+Z in the editor), or start over with “Load this step’s scenario again”.',
      '{changed}는 이 레슨에서 처음 그대로 두어야 합니다. 바꿀 수 있는 것은 {editable}뿐입니다. 편집기에서 Ctrl+Z로 되돌리거나, “이 단계의 시나리오 다시 불러오기”로 처음부터 다시 하세요.',
    ),
    pass: t(
      'You changed only what this lesson lets you change.',
      '이 레슨에서 바꿔도 되는 것만 바꾸었습니다.',
    ),
  },
};

/** DEFAULTS.packet.pass for a check with one expectation: English says "thing" then. */
export const PACKET_PASS_ONE = t(
  '{packet}: the packet goes exactly as the task says (1 thing checked).',
  '{packet}: 패킷이 과제에서 말한 그대로 지나갑니다(확인한 것 1가지).',
);

export const SCENARIO_ERRORS = t(
  'The scenario has errors, so the API server would reject it and the engine cannot judge it yet: {first}',
  '시나리오에 오류가 있어 API 서버가 받아들이지 않고, 엔진도 아직 판정할 수 없습니다: {first}',
);

export const UNANSWERED = t(
  'Make your prediction first, then check it.',
  '먼저 예측한 답을 고른 다음 확인하세요.',
);
