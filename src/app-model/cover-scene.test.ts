// The click-to-load cover's picture: the embed code's own scene, laid out as the lab lays it out.
import { describe, expect, it } from 'vitest';
import { encodeShareFragment } from '../lib/share-codec';
import { coverScene } from './cover-scene';
import { ModelEngine } from './model-engine';
import defaultScenario from '../scenarios/default.yaml?raw';

describe('the cover scene', () => {
  it('without a fragment: the default scenario, drawn exactly as the lab draws it', () => {
    const scene = coverScene('', defaultScenario)!;
    expect(scene).toEqual(new ModelEngine().update(defaultScenario).model.scene);
    expect(scene.nodes.map((n) => n.name)).toEqual(['node01', 'node02']);
  });

  it('with a fragment: the scene it carries', () => {
    const text = defaultScenario.replaceAll('node02', 'worker-b');
    const scene = coverScene(`#${encodeShareFragment({ scenario: text })}`, defaultScenario)!;
    expect(scene.nodes.map((n) => n.name)).toEqual(['node01', 'worker-b']);
  });

  it.each([
    ['a damaged link', '#s=v1.AAAA'],
    [
      'a storage lab’s scene',
      `#${encodeShareFragment({ scenario: '', storage: { lab: 'volumes', text: 'x' } })}`,
    ],
    ['a scenario with errors', `#${encodeShareFragment({ scenario: 'kind: Pod\nmetadata: {name: [}' })}`],
    ['an empty scenario', `#${encodeShareFragment({ scenario: '# nothing\n' })}`],
  ])('%s: no picture (the lab will say what it is)', (_, fragment) => {
    expect(coverScene(fragment, defaultScenario)).toBeNull();
  });
});
