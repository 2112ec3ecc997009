import { describe, expect, it } from 'vitest';
import { buildScenarioModel } from './scenario-model';
import { portIndexForPair } from './pair-port';
import { toYaml, pod } from '../testing/generate-cluster';

describe('portIndexForPair', () => {
  const m = buildScenarioModel(
    toYaml([
      pod('a/web', { app: 'web' }, { node: 'n', ports: [['http', 8080]] }),
      pod('a/db', { app: 'db' }, { node: 'n', ports: [['pg', 5432]] }),
      pod('a/bare', {}, { node: 'n' }),
    ]),
  );
  const view = { ports: m.ports, topology: m.topology };
  const index = (p: number) => m.ports.findIndex((x) => x.port === p);

  it('switches to the destination’s declared port when the shown one is not among its ports', () => {
    expect(portIndexForPair(view, 'a/db', index(8080))).toBe(index(5432));
  });
  it('keeps the shown port when the destination declares it, or declares nothing', () => {
    expect(portIndexForPair(view, 'a/web', index(8080))).toBe(index(8080));
    expect(portIndexForPair(view, 'a/bare', index(5432))).toBe(index(5432));
  });
});
