// Exported pictures: the frame each option gives, file names from the scene, and alt text that
// says what the picture shows (the flow, its verdict and the policies it rests on).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainFlow } from '../engine/explain-reasons';
import { flow, namespace, netpol, pod, scenario } from '../testing/scenario';
import { ModelEngine } from './model-engine';
import {
  DEFAULT_PICTURE_OPTIONS,
  LEGEND_LINE,
  MAX_PADDING,
  pictureAltText,
  pictureFileName,
  pictureFrame,
  pictureOptions,
  pictureParts,
  renderedTextPx,
  TITLE_LINE,
  wrapLegend,
} from './picture';
import defaultScenario from '../scenarios/default.yaml?raw';

const scene = new ModelEngine().update(defaultScenario).model.scene;
const opts = (o: Partial<typeof DEFAULT_PICTURE_OPTIONS>) =>
  pictureOptions({ ...DEFAULT_PICTURE_OPTIONS, ...o });

describe('the picture frame', () => {
  it('the whole scene with padding, at the chosen scale', () => {
    const f = pictureFrame(scene, opts({ padding: 10, scale: 3 }));
    expect(f.viewBox).toEqual({ x: -10, y: -10, w: scene.width + 20, h: scene.height + 20 });
    expect(f.pixels).toEqual({
      width: Math.ceil((scene.width + 20) * 3),
      height: Math.ceil((scene.height + 20) * 3),
    });
    expect(f.titleY).toBeNull();
    expect(f.legendY).toEqual([]);
  });

  it('one node only: its box, padded; the title above and two legend lines below', () => {
    const [name] = pictureParts(scene);
    const node = scene.nodes.find((n) => n.name === name)!;
    const f = pictureFrame(scene, opts({ part: name!, padding: 8, title: 'node01', legend: true }), 2);
    expect(f.content).toEqual(node.rect);
    expect(f.viewBox.w).toBe(node.rect.w + 16);
    expect(f.viewBox.h).toBe(node.rect.h + 16 + TITLE_LINE + 4 + 2 * LEGEND_LINE + 4);
    expect(f.titleY!).toBeGreaterThan(f.viewBox.y);
    expect(f.titleY!).toBeLessThan(node.rect.y);
    expect(f.legendY).toHaveLength(2);
    expect(f.legendY[0]!).toBeGreaterThan(node.rect.y + node.rect.h);
    expect(f.legendY[1]!).toBeLessThanOrEqual(f.viewBox.y + f.viewBox.h);
  });

  it('an unknown part falls back to the whole scene', () => {
    expect(pictureFrame(scene, opts({ part: 'nope' })).content).toEqual({
      x: 0,
      y: 0,
      w: scene.width,
      h: scene.height,
    });
  });

  it('one node renders its text larger in an 800 px column than the whole scene does', () => {
    const whole = renderedTextPx(pictureFrame(scene, opts({})), 10);
    const one = renderedTextPx(pictureFrame(scene, opts({ part: pictureParts(scene)[0]! })), 10);
    expect(one).toBeGreaterThan(whole);
    // A 1× picture narrower than the column shows at its own size; at 3× it is shrunk to the column.
    const narrow = { ...pictureFrame(scene, opts({})), viewBox: { x: 0, y: 0, w: 400, h: 10 } };
    expect(renderedTextPx({ ...narrow, pixels: { width: 400, height: 10 } }, 10)).toBe(10);
    expect(renderedTextPx({ ...narrow, pixels: { width: 1200, height: 30 } }, 10)).toBe(20);
  });

  it('every option read from a form is brought into range', () => {
    fc.assert(
      fc.property(
        fc.record({
          scale: fc.anything(),
          background: fc.anything(),
          padding: fc.oneof(fc.double(), fc.integer()),
          title: fc.string({ maxLength: 300 }),
          legend: fc.anything(),
        }),
        (raw) => {
          const o = pictureOptions(raw as never);
          expect([1, 2, 3]).toContain(o.scale);
          expect(['white', 'transparent', 'dark']).toContain(o.background);
          expect(o.padding).toBeGreaterThanOrEqual(0);
          expect(o.padding).toBeLessThanOrEqual(MAX_PADDING);
          expect(Number.isInteger(o.padding)).toBe(true);
          expect(o.title.length).toBeLessThanOrEqual(120);
          expect(o.title).not.toMatch(/\n/);
          expect(typeof o.legend).toBe('boolean');
        },
      ),
    );
  });
});

describe('file names', () => {
  it.each([
    [{}, 'png', 'netlab-scene.png'],
    [{ scene: 'c-03-flannel-enforces-nothing' }, 'png', 'netlab-c-03-flannel-enforces-nothing.png'],
    [{ scene: 'My Cluster.yaml', part: 'node01' }, 'svg', 'netlab-my-cluster-node01.svg'],
    [
      { scene: 'a-01', flow: { from: 'prod/web', to: 'prod/db', port: '3306/TCP' } },
      'png',
      'netlab-a-01-prod-web-to-prod-db-3306-tcp.png',
    ],
    [{ scene: '../../etc/passwd\u202e' }, 'png', 'netlab-etc-passwd.png'],
    [{ scene: '클러스터 실습.yaml' }, 'png', 'netlab-클러스터-실습.png'],
  ] as const)('%j → %s', (naming, ext, name) => {
    expect(pictureFileName(naming, ext)).toBe(name.normalize('NFKD'));
  });

  it('is always a plain file name', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (scene, part) => {
        const name = pictureFileName({ scene, part }, 'png');
        expect(name).toMatch(/^netlab[^/\\:*?"<>|\s]*\.png$/u);
        expect(name.length).toBeLessThan(140);
      }),
    );
  });
});

describe('alt text', () => {
  const c = scenario(
    namespace('prod'),
    pod('prod/web', { role: 'web' }),
    pod('prod/db', { role: 'db' }),
    netpol(
      'prod/db-policy',
      'podSelector: {matchLabels: {role: db}}\npolicyTypes: [Ingress]\ningress:\n- from: [{podSelector: {matchLabels: {role: api}}}]',
    ),
    netpol(
      'prod/allow-web',
      'podSelector: {matchLabels: {role: web}}\npolicyTypes: [Ingress]\ningress:\n- {}',
    ),
  );

  it('a denied flow names the policy that denies it, in both languages', () => {
    const reasons = explainFlow(flow(c, 'prod/web', 'prod/db', '3306'), c.policies);
    const subject = { nodes: 2, pods: 2, services: 0, flow: reasons };
    expect(pictureAltText(subject, 'en')).toBe(
      'netlab cluster diagram: prod/web → prod/db 3306/TCP: ✗ denied by prod/db-policy',
    );
    expect(pictureAltText(subject, 'ko')).toMatch(/^netlab 클러스터 구성도: .*\(근거: prod\/db-policy\)$/);
  });

  it('an allowed flow names the rule’s policy; without a flow, what the diagram holds', () => {
    const reasons = explainFlow(flow(c, 'prod/db', 'prod/web', '80'), c.policies);
    expect(pictureAltText({ nodes: 2, pods: 2, services: 0, flow: reasons }, 'en')).toMatch(
      /✓ allowed by prod\/allow-web$/,
    );
    expect(pictureAltText({ nodes: 2, pods: 3, services: 1, part: 'node01' }, 'en')).toBe(
      'netlab cluster diagram (node node01): 2 nodes, 3 pods, 1 Services',
    );
    expect(pictureAltText({ nodes: 2, pods: 3, services: 1 }, 'ko')).toBe(
      'netlab 클러스터 구성도: 노드 2개, 파드 3개, Service 1개',
    );
  });
});

describe('the legend, wrapped', () => {
  it('fits the width, keeps every word, splits none', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { maxLength: 60 }),
        fc.integer({ min: 50, max: 2000 }),
        (words, width) => {
          const lines = wrapLegend(words.join(' '), width);
          expect(
            lines
              .join(' ')
              .split(' ')
              .filter((w) => w !== ''),
          ).toEqual(words);
          const max = Math.max(20, Math.floor(width / 6.2));
          for (const l of lines) expect(l.length).toBeLessThanOrEqual(Math.max(max, 12));
        },
      ),
    );
  });
});
