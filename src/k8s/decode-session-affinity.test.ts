// sessionAffinity as the API server defaults and validates it: None by default, ClientIP with 10800
// seconds unless given, 1..86400 accepted, errors at the field with line:col.
import { describe, expect, it } from 'vitest';
import { loadCluster } from './load-cluster';

const load = (spec: string) =>
  loadCluster([
    {
      name: 's.yaml',
      text: `apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n${spec}`,
    },
  ]);

describe('spec.sessionAffinity', () => {
  it.each([
    ['', undefined],
    ['  sessionAffinity: None\n', undefined],
    ['  sessionAffinity: ClientIP\n', { kind: 'ClientIP', timeoutSeconds: 10800 }],
    [
      '  sessionAffinity: ClientIP\n  sessionAffinityConfig: {}\n',
      { kind: 'ClientIP', timeoutSeconds: 10800 },
    ],
    [
      '  sessionAffinity: ClientIP\n  sessionAffinityConfig: {clientIP: {}}\n',
      { kind: 'ClientIP', timeoutSeconds: 10800 },
    ],
    [
      '  sessionAffinity: ClientIP\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: 1}}\n',
      { kind: 'ClientIP', timeoutSeconds: 1 },
    ],
    [
      '  sessionAffinity: ClientIP\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: 86400}}\n',
      { kind: 'ClientIP', timeoutSeconds: 86400 },
    ],
  ])('%j → %j, no diagnostics', (spec, want) => {
    const r = load(spec);
    expect(r.diagnostics).toEqual([]);
    expect(r.cluster.services[0]!.sessionAffinity).toEqual(want);
  });

  it.each([
    ['  sessionAffinity: Cookie\n', 'unsupported value "Cookie"', 7, 20],
    ['  sessionAffinity: clientip\n', 'unsupported value "clientip"', 7, 20],
    [
      '  sessionAffinity: ClientIP\n  sessionAffinityConfig:\n    clientIP: {timeoutSeconds: 0}\n',
      'must be greater than 0 and at most 86400',
      9,
      32,
    ],
    [
      '  sessionAffinity: ClientIP\n  sessionAffinityConfig:\n    clientIP: {timeoutSeconds: 86401}\n',
      'must be greater than 0 and at most 86400',
      9,
      32,
    ],
    [
      '  sessionAffinity: ClientIP\n  sessionAffinityConfig:\n    clientIP: {timeoutSeconds: 3h}\n',
      'expected a number of seconds',
      9,
      32,
    ],
  ])('%j is an error: %s at line %i col %i', (spec, message, line, col) => {
    const r = load(spec);
    expect(r.hasErrors).toBe(true);
    const d = r.diagnostics.find((x) => x.code === 'session-affinity')!;
    expect(d.message.en).toContain(message);
    expect(d.message.ko.length).toBeGreaterThan(0);
    expect([d.file, d.line, d.col]).toEqual(['s.yaml', line, col]);
  });

  it('a config beside None is a warning: the API server drops it when defaulting', () => {
    const r = load('  sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}\n');
    expect(r.hasErrors).toBe(false);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([
      ['warning', 'session-affinity', 7],
    ]);
    expect(r.cluster.services[0]!.sessionAffinity).toBeUndefined();
  });
});
