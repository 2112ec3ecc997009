// UI words in English and Korean. Explanations and diagnostics carry their own translations.
import type { Locale } from '../lib/diagnostic';
import { useNetlab } from '../store/use-netlab';

const en = {
  title: 'netlab',
  tagline: 'Kubernetes NetworkPolicy lab',
  language: 'Language',
  matrix: 'Reachability matrix',
  matrixHelp: 'Rows are sources, columns are destinations. Choose a cell to see why.',
  port: 'Port',
  from: 'From',
  to: 'To',
  allow: 'allow',
  deny: 'deny',
  allowed: 'allowed',
  denied: 'denied',
  outside: 'outside the cluster',
  notApplicable: 'not applicable: both are outside the cluster',
  explanation: 'Why',
  pickFlow: 'Choose a cell of the matrix to see which policies decide that flow.',
  problems: 'Problems',
  noProblems: 'No problems in the scenario.',
  staleModel: 'The scenario has errors; showing the last version without errors.',
  error: 'error',
  warning: 'warning',
  newlyAllowed: 'newly allowed',
  newlyDenied: 'newly denied',
  reset: 'Reset to the default scenario',
  resetDone: 'The default scenario is back.',
  undoReset: 'Undo reset',
} as const;

export type UiText = { readonly [K in keyof typeof en]: string };

const ko: UiText = {
  title: 'netlab',
  tagline: '쿠버네티스 NetworkPolicy 실습실',
  language: '언어',
  matrix: '도달 가능성 표',
  matrixHelp: '행은 출발지, 열은 목적지입니다. 칸을 고르면 이유가 나옵니다.',
  port: '포트',
  from: '출발지',
  to: '목적지',
  allow: '허용',
  deny: '차단',
  allowed: '허용됨',
  denied: '차단됨',
  outside: '클러스터 밖',
  notApplicable: '해당 없음: 둘 다 클러스터 밖입니다',
  explanation: '이유',
  pickFlow: '표의 칸을 고르면 그 흐름을 결정하는 정책이 나옵니다.',
  problems: '문제',
  noProblems: '시나리오에 문제가 없습니다.',
  staleModel: '시나리오에 오류가 있어 오류 없는 마지막 버전을 보여 줍니다.',
  error: '오류',
  warning: '경고',
  newlyAllowed: '새로 허용',
  newlyDenied: '새로 차단',
  reset: '기본 시나리오로 되돌리기',
  resetDone: '기본 시나리오로 되돌렸습니다.',
  undoReset: '되돌리기 취소',
};

export const UI_TEXT: Readonly<Record<Locale, UiText>> = { en, ko };

export function useUiText(): UiText {
  return UI_TEXT[useNetlab((s) => s.locale)];
}
