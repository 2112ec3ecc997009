import { describe, expect, it } from 'vitest';
import { fill, fillIn, inBoth, pick, t, WORDS } from './text';

describe('fill', () => {
  it.each<[string, Record<string, string | number>, string]>([
    ['{name}을 열었습니다.', { name: 'web.yaml' }, 'web.yaml을 열었습니다.'],
    ['{name}을 열었습니다.', { name: 'db.yaml' }, 'db.yaml을 열었습니다.'],
    ['{name}를 열었습니다.', { name: 'start.yaml' }, 'start.yaml을 열었습니다.'],
    ['{file}로 저장했습니다.', { file: 'netlab-progress.json' }, 'netlab-progress.json으로 저장했습니다.'],
    ['{file}으로 저장했습니다.', { file: 'notes.md' }, 'notes.md로 저장했습니다.'],
    [
      '{changed}은 그대로',
      { changed: 'NetworkPolicy prod/deny(삭제됨)' },
      'NetworkPolicy prod/deny(삭제됨)는 그대로',
    ],
    ['{a}와 {b}', { a: 'kube-system', b: 'prod' }, 'kube-system과 prod'],
    ['{n}개', { n: 3 }, '3개'],
    ['{count}이 남음', { count: 2 }, '2가 남음'],
    // Hangul after the form: not a particle, left alone.
    ['{x}이름', { x: 'web' }, 'web이름'],
    ['{expected}되어야', { expected: '허용' }, '허용되어야'],
    ['{missing} stays', {}, '{missing} stays'],
    ['Opened {name}.', { name: 'web.yaml' }, 'Opened web.yaml.'],
  ])('%s with %j → %s', (template, values, out) => {
    expect(fill(template, values)).toBe(out);
  });

  it('fills a LocalText per locale, trimming what an empty value leaves', () => {
    const msg = fill(t('{flow}: {why} {more}', '{flow}: {why}를 보세요 {more}'), {
      flow: 'prod/web → prod/db',
      why: t('no rule', '규칙'),
      more: '',
    });
    expect(msg).toEqual({ en: 'prod/web → prod/db: no rule', ko: 'prod/web → prod/db: 규칙을 보세요' });
  });

  it('chooses the particle by the value in the locale it fills', () => {
    expect(fillIn('{x}을 봅니다', { x: t('web', '파드') }, 'ko')).toBe('파드를 봅니다');
  });
});

describe('locales and shared words', () => {
  it('pick and inBoth choose the wording of a locale', () => {
    expect(pick('en', 'a', '가')).toBe('a');
    expect(pick('ko', 'a', '가')).toBe('가');
    expect(inBoth((l) => pick(l, 'yes', '예'))).toEqual({ en: 'yes', ko: '예' });
  });

  it('verdicts carry their mark and their word', () => {
    expect(WORDS.verdict(true)).toEqual({ en: '✓ allowed', ko: '✓ 허용' });
    expect(WORDS.verdict(false)).toEqual({ en: '✗ denied', ko: '✗ 차단' });
    expect(WORDS.cell(false)).toEqual({ en: '✗ deny', ko: '✗ 차단' });
    expect(WORDS.direction('egress').ko).toBe('이그레스');
  });
});
