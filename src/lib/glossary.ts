// The glossary: one wording per concept in each language, used by the UI texts and checked
// against every lesson (lib/glossary.test.ts scans UI sources and lesson files for the variants
// to avoid). Kubernetes nouns as Korean engineers write them (kubernetes.io/ko).
import type { LocalText } from './text';

export interface GlossaryTerm extends LocalText {
  /** Korean wordings of the same concept that must not appear (one concept, one word). */
  readonly avoidKo: readonly string[];
}

export const GLOSSARY = {
  /** The reachability matrix: a table, in Korean never the loanword. */
  matrix: { en: 'Reachability matrix', ko: '도달 가능성 표', avoidKo: ['매트릭스'] },
  /** What a CNI does with NetworkPolicy: it enforces (applies) it. */
  enforce: { en: 'enforce', ko: '적용', avoidKo: ['집행'] },
  /** kubernetes.io/ko writes selector as 셀렉터 (레이블과 셀렉터). */
  selector: { en: 'selector', ko: '셀렉터', avoidKo: ['선택자'] },
  /** kubernetes.io/ko writes Pod as 파드. */
  pod: { en: 'Pod', ko: '파드', avoidKo: ['포드'] },
  /** In policy context the directions stay as Korean engineers say them. */
  ingress: { en: 'ingress', ko: '인그레스', avoidKo: ['수신 규칙'] },
  egress: { en: 'egress', ko: '이그레스', avoidKo: ['송신 규칙'] },
  /** A routing-table entry: 경로 (ip route's "route"), as the trace and the console say it. */
  route: { en: 'route', ko: '경로', avoidKo: ['라우트'] },
  /** A Kubernetes API object: kubernetes.io/ko writes 오브젝트. */
  object: { en: 'object', ko: '오브젝트', avoidKo: ['객체'] },
  /** A packet's way through the cluster, hop by hop: the panel's name, never the loanword. */
  packetJourney: { en: 'packet journey', ko: '패킷 여정', avoidKo: ['트레이스'] },
  /** The learners' notes are named by topic, never by file number ("노트 004"). */
  studyNotes: {
    en: 'study notes',
    ko: '스터디 노트',
    avoidKo: ['노트 000', '노트 002', '노트 004', '노트(0'],
  },
} as const satisfies Record<string, GlossaryTerm>;

export type GlossaryId = keyof typeof GLOSSARY;

/** Every avoided Korean wording, with the term to use instead. */
export function avoidedWordings(): readonly { readonly avoid: string; readonly use: string }[] {
  return Object.values(GLOSSARY).flatMap((term: GlossaryTerm) =>
    term.avoidKo.map((avoid) => ({ avoid, use: term.ko })),
  );
}
