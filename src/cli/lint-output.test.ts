// lintText: many diagnostics of one code fold into their first three and a count; --all unfolds.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../lib/diagnostic';
import { lintText } from './lint-output';

const d = (line: number, code: string): Diagnostic => ({
  file: 'f.yaml',
  line,
  col: 1,
  severity: 'warning',
  code,
  message: { en: `${code} here`, ko: `${code} 여기` },
});

describe('lintText', () => {
  const many = [d(1, 'a'), ...Array.from({ length: 8 }, (_, i) => d(i + 2, 'b')), d(20, 'c')];

  it('folds a code seen more than five times into three lines and a count', () => {
    expect(lintText(many, 'en', false).split('\n')).toEqual([
      'f.yaml:1:1: warning: a here',
      'f.yaml:2:1: warning: b here',
      'f.yaml:3:1: warning: b here',
      'f.yaml:4:1: warning: b here',
      '  … and 5 more b warnings like these (--all lists every one)',
      'f.yaml:20:1: warning: c here',
      '',
    ]);
  });

  it('keeps five or fewer as they are, and --all lists everything', () => {
    const five = Array.from({ length: 5 }, (_, i) => d(i + 1, 'b'));
    expect(lintText(five, 'en', false).split('\n')).toHaveLength(6);
    expect(lintText(many, 'en', true).split('\n')).toHaveLength(11);
  });

  it('says it in Korean too', () => {
    expect(lintText(many, 'ko', false)).toContain('  … 같은 b 경고 5개 더 (--all로 모두 봅니다)');
  });
});
