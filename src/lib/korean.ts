// Korean particles (조사) chosen by the word before them: 을/를, 이/가, 은/는, 와/과, 으로/로 and a few
// copula forms. Hangul words by the final consonant (받침) of their last syllable; Latin names, digits
// and IP addresses the way Korean engineers read them aloud ("web" 웹을, "db" 디비를, "3306" 삼삼공육을).

/** How a word ends when read aloud: a vowel, the consonant ㄹ (special for 으로/로), or another. */
export type FinalSound = 'vowel' | 'rieul' | 'consonant';

/** Each particle's forms after a consonant, after a vowel, and (for 으로/로 only) after ㄹ. */
export const PARTICLES = {
  '을/를': { consonant: '을', vowel: '를' },
  '이/가': { consonant: '이', vowel: '가' },
  '은/는': { consonant: '은', vowel: '는' },
  '와/과': { consonant: '과', vowel: '와' },
  /** ㄹ takes 로 like a vowel: 서울로, 파일로. */
  '으로/로': { consonant: '으로', vowel: '로', rieul: '로' },
  '이라는/라는': { consonant: '이라는', vowel: '라는' },
  '이라/라': { consonant: '이라', vowel: '라' },
  '이어야/여야': { consonant: '이어야', vowel: '여야' },
  '이나/나': { consonant: '이나', vowel: '나' },
} as const satisfies Record<string, { consonant: string; vowel: string; rieul?: string }>;

export type Particle = keyof typeof PARTICLES;

/** The particle that follows `word`: particle('web', '을/를') is '을'. */
export function particle(word: string | number, which: Particle): string {
  const forms: { consonant: string; vowel: string; rieul?: string } = PARTICLES[which];
  const sound = finalSound(String(word));
  if (sound === 'vowel') return forms.vowel;
  return sound === 'rieul' ? (forms.rieul ?? forms.consonant) : forms.consonant;
}

/** `word` with its particle: josa('prod/db', '을/를') is 'prod/db를'. */
export function josa(word: string | number, which: Particle): string {
  return String(word) + particle(word, which);
}

/**
 * Every written form of every particle, longest first (for finding one after a placeholder).
 * Written out rather than computed, so loading this module runs no code.
 */
export const PARTICLE_FORMS: readonly (readonly [string, Particle])[] = [
  ['이라는', '이라는/라는'],
  ['이어야', '이어야/여야'],
  ['으로', '으로/로'],
  ['라는', '이라는/라는'],
  ['이라', '이라/라'],
  ['여야', '이어야/여야'],
  ['이나', '이나/나'],
  ['을', '을/를'],
  ['를', '을/를'],
  ['이', '이/가'],
  ['가', '이/가'],
  ['은', '은/는'],
  ['는', '은/는'],
  ['과', '와/과'],
  ['와', '와/과'],
  ['로', '으로/로'],
  ['라', '이라/라'],
  ['나', '이나/나'],
];

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
/** Index of ㄹ among the 28 final-consonant slots of a Hangul syllable (0 = none). */
const JONG_RIEUL = 8;

/** The final sound of a Hangul syllable, from its code point. */
export function syllableFinal(ch: string): FinalSound {
  const jong = (ch.codePointAt(0)! - HANGUL_FIRST) % 28;
  return jong === 0 ? 'vowel' : jong === JONG_RIEUL ? 'rieul' : 'consonant';
}

export const isHangulSyllable = (ch: string): boolean => {
  const c = ch.codePointAt(0) ?? 0;
  return c >= HANGUL_FIRST && c <= HANGUL_LAST;
};

/** Sino-Korean digits as read alone: 영 일 이 삼 사 오 육 칠 팔 구 (3306 → 삼삼공육 or 삼천삼백육). */
const SINO_DIGIT: readonly FinalSound[] = [
  'consonant', // 영/공/십/백/천/만: every round number ends in a consonant
  'rieul', // 일
  'vowel', // 이
  'consonant', // 삼
  'vowel', // 사
  'vowel', // 오
  'consonant', // 육
  'rieul', // 칠
  'rieul', // 팔
  'vowel', // 구
];

/** A digit glued to Latin letters is read in English: v1 브이원, eth0 이스제로, IPv6 아이피브이식스. */
const ENGLISH_DIGIT: readonly FinalSound[] = [
  'vowel', // zero 제로
  'consonant', // one 원
  'vowel', // two 투
  'vowel', // three 쓰리
  'vowel', // four 포
  'vowel', // five 파이브
  'vowel', // six 식스
  'consonant', // seven 세븐
  'vowel', // eight 에이트
  'consonant', // nine 나인
];

/** Letters read by name (acronyms): only L 엘, M 엠, N 엔 and R 알 end in a consonant. */
function letterName(letter: string): FinalSound {
  switch (letter.toLowerCase()) {
    case 'l':
    case 'r':
      return 'rieul';
    case 'm':
    case 'n':
      return 'consonant';
    default:
      return 'vowel';
  }
}

/** Words spelled out letter by letter although they have vowels (a word reading would differ). */
const SPELLED = new Set(['ip', 'vip', 'ipip', 'api', 'cni', 'id', 'ui', 'io', 'os', 'aws']);

/** Words whose usual Korean reading the spelling rules below would get wrong. */
const READ_AS: ReadonlyMap<string, FinalSound> = new Map([
  ['type', 'consonant'], // 타입
  ['hub', 'vowel'], // 허브
  ['cidr', 'vowel'], // 사이더
  ['ok', 'vowel'], // 오케이
]);

/** The final sound of an English word as a Korean loanword (웹, 파드, 폴리시, 네임, 블록, 서브넷…). */
function englishWord(w: string): FinalSound {
  const known = READ_AS.get(w);
  if (known) return known;
  if (w.endsWith('ng')) return 'consonant'; // 모니터링
  if (/(l|le)$/.test(w)) return 'rieul'; // 올, 프로토콜, 테이블, 파일
  if (/(m|me|n|ne)$/.test(w)) return 'consonant'; // 시스템, 네임, 버전, 라인
  if (/(ck|ook|[^aeiou][aiou]k)$/.test(w)) return 'consonant'; // 블록, 북, 딕 (but 네트워크, 링크)
  if (/[aeiou]c$/.test(w)) return 'consonant'; // 맥, 스펙
  if (/(pp|[aeiu]p|[^o]op|oup)$/.test(w)) return 'consonant'; // 앱, 스텝, 백업, 숍, 그룹 (but 루프)
  if (/([^aeiou][aeiou]t|out)$/.test(w)) return 'consonant'; // 넷, 패킷, 캣, 레이아웃 (but 포트, 호스트)
  if (/(^|[^aeiou])[aeiou]b$/.test(w)) return 'consonant'; // 웹, 랩, 잡
  return 'vowel'; // 파드, 서버, 폴리시, 노드, 서비스, 프록시, 리눅스…
}

/** The final sound of a run of Latin letters (the last camelCase part of a name). */
function latinToken(token: string): FinalSound {
  const parts = token.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+/g) ?? [token];
  const last = parts.at(-1)!;
  const lower = last.toLowerCase();
  const spelled = last.length === 1 || !/[aeiouy]/.test(lower) || SPELLED.has(lower);
  if (spelled) return letterName(last.at(-1)!);
  return englishWord(lower);
}

/** Characters skipped at the end of a word: closing quotes and brackets, spaces, trailing dots. */
const TRAILING = new Set('"\'`”’»)]}>.,;:!?…');
const isSpace = (ch: string): boolean => /\s/.test(ch);

/**
 * Where the readable part of `word` ends: before trailing quotes, spaces and punctuation, and before
 * an aside in parentheses ("prod/deny(삭제됨)" reads "prod/deny"). Scans back a bounded distance,
 * so a long input costs little.
 */
function readableEnd(word: string): number {
  let end = word.length;
  while (end > 0) {
    const ch = word[end - 1]!;
    if (ch === ')') {
      const open = word.lastIndexOf('(', end - 2);
      const inside = open < 0 ? '' : word.slice(open + 1, end - 1);
      let before = open;
      while (before > 0 && isSpace(word[before - 1]!)) before--;
      if (open >= 0 && end - open < 200 && !inside.includes(')') && before > 0) {
        end = before;
        continue;
      }
    }
    if (!TRAILING.has(ch) && !isSpace(ch)) break;
    end--;
  }
  return end;
}

/** How `word` ends when a Korean reads it aloud. An empty or unreadable word counts as a vowel. */
export function finalSound(word: string): FinalSound {
  const end = readableEnd(word);
  // Only the end of a word decides how it is read.
  const w = word.slice(Math.max(0, end - 64), end);
  const last = w.at(-1);
  if (last === undefined) return 'vowel';
  if (isHangulSyllable(last)) return syllableFinal(last);
  if (/[ㄱ-ㅎ]/.test(last)) return last === 'ㄹ' ? 'rieul' : 'consonant';
  const digits = /([A-Za-z]?)(\d+)$/.exec(w);
  if (digits) {
    const d = Number(digits[2]!.at(-1));
    return digits[1] ? ENGLISH_DIGIT[d]! : SINO_DIGIT[d]!;
  }
  const latin = /[A-Za-z]+$/.exec(w);
  if (latin) return latinToken(latin[0]);
  return 'vowel'; // a symbol (%, →, /): 퍼센트, 화살표, 슬래시
}
