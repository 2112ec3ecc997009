// The matrix port selectors on views the model engine builds from real scenario texts: the
// choice follows the port, not its place in the list, and a choice no pod declares any more is
// named rather than silently replaced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ModelEngine } from '../app-model/model-engine';
import type { FlowPort } from '../engine/match';
import { pod } from '../testing/scenario';
import { createNetlabStore } from './netlab-store';
import { matrixPortIndex, missingMatrixPort, shownMatrixPort } from './matrix-port';

const tcp = (port: number): FlowPort => ({ port, protocol: 'TCP' });
const udp = (port: number): FlowPort => ({ port, protocol: 'UDP' });

/** The view of pods each declaring its ports, in this order. */
const viewOf = (...podPorts: FlowPort[][]) =>
  new ModelEngine().update(
    podPorts
      .map((ports, i) =>
        pod(
          `prod/p${i}`,
          {},
          { ports: ports.map((p) => [null, p.port, p.protocol] as [null, number, 'TCP']) },
        ),
      )
      .join('\n---\n'),
  );

describe('the matrix port', () => {
  const view = viewOf([tcp(80)], [tcp(5000), udp(53)], [tcp(3306)]);
  it.each([
    ['nothing chosen: the first port', null, 0, null],
    ['a port the pods declare', tcp(3306), 3, null],
    ['the same number on another protocol is another port', udp(53), 2, null],
    ['a port no pod declares: the first, and it is named', tcp(8080), 0, tcp(8080)],
    ['TCP 53 is not UDP 53', tcp(53), 0, tcp(53)],
  ] as const)('%s', (_, chosen, index, missing) => {
    const s = { view, matrixPort: chosen };
    expect(view.model.ports).toEqual([tcp(80), tcp(5000), udp(53), tcp(3306)]);
    expect(matrixPortIndex(s)).toBe(index);
    expect(shownMatrixPort(s)).toEqual(view.model.ports[index]);
    expect(missingMatrixPort(s)).toEqual(missing);
  });

  it('before the first model: nothing shown, nothing missing', () => {
    const s = { view: null, matrixPort: tcp(3306) };
    expect(matrixPortIndex(s)).toBe(0);
    expect(shownMatrixPort(s)).toBeNull();
    expect(missingMatrixPort(s)).toBeNull();
  });

  it('adding a port anywhere keeps the chosen one shown', () => {
    const portArb = fc.record({
      port: fc.integer({ min: 1, max: 65535 }),
      protocol: fc.constantFrom('TCP' as const, 'UDP' as const, 'SCTP' as const),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(portArb, { minLength: 1, maxLength: 5, selector: (p) => `${p.port}/${p.protocol}` }),
        fc.nat(),
        portArb,
        fc.nat(),
        (ports, pick, added, at) => {
          const chosen = ports[pick % ports.length]!;
          const before = viewOf(...ports.map((p) => [p]));
          const grown = ports.map((p) => [p]);
          grown.splice(at % (grown.length + 1), 0, [added]);
          const after = viewOf(...grown);
          for (const view of [before, after]) {
            expect(shownMatrixPort({ view, matrixPort: chosen })).toEqual(chosen);
            expect(missingMatrixPort({ view, matrixPort: chosen })).toBeNull();
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('the chosen matrix port in the store', () => {
  it('is the port itself, kept across edits and lesson texts, cleared by another scene', () => {
    const DEFAULT = '# the built-in scenario\n';
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    expect(store.getState().matrixPort).toBeNull();
    const chosen = { port: 3306, protocol: 'TCP', extra: 'dropped' } as const;
    store.getState().setMatrixPort(chosen);
    expect(store.getState().matrixPort).toEqual({ port: 3306, protocol: 'TCP' });
    store.getState().setScenarioText(`${DEFAULT}# an edit\n`);
    store.getState().resetScenario();
    expect(store.getState().matrixPort).toEqual({ port: 3306, protocol: 'TCP' });
    store.getState().replaceScenario('# a shared scene\n');
    expect(store.getState().matrixPort).toBeNull();
  });
});
