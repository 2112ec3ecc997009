import { describe, expect, it } from 'vitest';
import DEFAULT from '../scenarios/default.yaml?raw';
import { matrixMarkdown } from './matrix-markdown';
import { ModelEngine } from './model-engine';

describe('matrixMarkdown', () => {
  it('writes the chosen port as a table with words', () => {
    const view = new ModelEngine().update(DEFAULT).model;
    const md = matrixMarkdown(
      view,
      view.ports.findIndex((p) => p.port === 3306),
      'en',
    );
    const lines = md.trim().split('\n');
    expect(lines[0]).toBe(
      '| from \\ to (3306/TCP) | prod/web | prod/backend | prod/db | user (203.0.113.10) | backup-server (192.168.5.10) |',
    );
    expect(lines[1]).toBe('|---|---|---|---|---|---|');
    expect(lines[2]).toBe('| prod/web | ✓ allow | ✓ allow | ✗ deny | ✓ allow | ✓ allow |');
    expect(lines[3]).toBe('| prod/backend | ✓ allow | ✓ allow | ✓ allow | ✓ allow | ✓ allow |');
    expect(lines[5]).toBe('| user (203.0.113.10) | ✓ allow | ✓ allow | ✗ deny | · | · |');
  });
});

describe('matrixMarkdown and the implicit CoreDNS', () => {
  it('leaves the implicit CoreDNS pods out unless asked, as the matrix does', () => {
    const view = new ModelEngine().update(DEFAULT).model;
    const pi = view.ports.findIndex((p) => p.port === 3306);
    expect(matrixMarkdown(view, pi, 'en')).not.toContain('coredns');
    const lines = matrixMarkdown(view, pi, 'en', '', true).trim().split('\n');
    expect(lines[0]).toContain('| kube-system/coredns-1 | kube-system/coredns-2 |');
    expect(lines.filter((l) => l.startsWith('| kube-system/coredns-'))).toHaveLength(2);
  });
});

describe('matrixMarkdown with the matrix filter', () => {
  it('copies only the rows and columns the filter shows', () => {
    const view = new ModelEngine().update(DEFAULT).model;
    const md = matrixMarkdown(view, 0, 'en', 'prod/web -> prod/db');
    const lines = md.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('| prod/db |');
    expect(lines[2]!.startsWith('| prod/web |')).toBe(true);
  });
});
