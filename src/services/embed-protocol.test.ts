import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEmbedCommand, parseEmbedOptions } from './embed-protocol';

describe('embed options', () => {
  it('reads the author’s choices and ignores the rest', () => {
    expect(
      parseEmbedOptions('?embed=1&panels=matrix,packets,evil,matrix&readonly=1&lang=ko&autoplay=1&ctl=1'),
    ).toEqual({
      embed: true,
      panels: ['matrix', 'packets'],
      readOnly: true,
      locale: 'ko',
      autoplay: true,
    });
    expect(parseEmbedOptions('?lang=fr')).toEqual({
      embed: false,
      panels: [],
      readOnly: false,
      autoplay: false,
    });
  });

  it('reads the lesson and step to open, by the lesson routes’ name rule', () => {
    expect(
      parseEmbedOptions('?embed=1&panels=lesson,editor&lesson=a-01-no-policy-no-isolation&step=isolate-db'),
    ).toMatchObject({
      panels: ['lesson', 'editor'],
      lesson: { id: 'a-01-no-policy-no-isolation', step: 'isolate-db' },
    });
    expect(parseEmbedOptions('?embed=1&lesson=a-05-and-vs-or').lesson).toEqual({
      id: 'a-05-and-vs-or',
      step: null,
    });
    for (const bad of [
      'lesson=',
      'lesson=../x',
      'lesson=a%2Fb',
      'lesson=%3Cscript%3E',
      `lesson=${'a'.repeat(101)}`,
      'lesson=a-01&step=',
      'lesson=a-01&step=a%20b',
      'step=isolate-db',
    ]) {
      expect(parseEmbedOptions(`?embed=1&${bad}`), bad).not.toHaveProperty('lesson');
    }
  });
});

describe('embed commands', () => {
  it('accepts exactly the documented shapes', () => {
    expect(parseEmbedCommand({ type: 'netlab:load', scenario: 'kind: Pod' })).toEqual({
      type: 'netlab:load',
      scenario: 'kind: Pod',
    });
    expect(parseEmbedCommand({ type: 'netlab:play', from: 'prod/web', to: 'prod/db', port: 3306 })).toEqual({
      type: 'netlab:play',
      from: 'prod/web',
      to: 'prod/db',
      port: { port: 3306, protocol: 'TCP' },
    });
    expect(
      parseEmbedCommand({ type: 'netlab:play', from: 'a', to: 'b', port: { port: 53, protocol: 'UDP' } }),
    ).toMatchObject({ port: { port: 53, protocol: 'UDP' } });
    expect(parseEmbedCommand({ type: 'netlab:select', from: 'a', to: 'b' })).toEqual({
      type: 'netlab:select',
      from: 'a',
      to: 'b',
    });
    expect(parseEmbedCommand({ type: 'netlab:lesson', lesson: 'a-05-and-vs-or', step: 'read' })).toEqual({
      type: 'netlab:lesson',
      lesson: 'a-05-and-vs-or',
      step: 'read',
    });
  });

  it('ignores everything else', () => {
    for (const bad of [
      null,
      'netlab:load',
      [],
      { type: 'netlab:load' },
      { type: 'netlab:load', scenario: 1 },
      { type: 'netlab:load', scenario: 'x', extra: '<script>' },
      { type: 'netlab:play', from: 'a', to: 'b', port: 0 },
      { type: 'netlab:play', from: 'a', to: 'b', port: { port: 80, protocol: 'ICMP' } },
      { type: 'netlab:play', from: '', to: 'b', port: 80 },
      { type: 'netlab:select', from: 'a' },
      { type: 'netlab:eval', code: 'alert(1)' },
      { type: 'netlab:lesson', lesson: 'x'.repeat(201) },
      { type: 'netlab:lesson', lesson: 'x'.repeat(101) },
      { type: 'netlab:lesson', lesson: '../x' },
      { type: 'netlab:lesson', lesson: 'a-01', step: 'a/b' },
      { type: 'netlab:lesson', lesson: 'a-01', step: '' },
      { type: 'netlab:lesson', lesson: 'a-01', step: null },
    ]) {
      expect(parseEmbedCommand(bad)).toBeNull();
    }
  });

  it('never throws on anything', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => void parseEmbedCommand(v)),
      { numRuns: 500 },
    );
  });
});
