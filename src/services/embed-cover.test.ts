// The click-to-load cover's words: the scenario's own pods and Services are counted, and the
// implicit CoreDNS drawn beside them is named, not counted as the scenario's.
import { describe, expect, it } from 'vitest';
import DEFAULT from '../scenarios/default.yaml?raw';
import { coverScene } from '../app-model/cover-scene';
import { COVER_TEXT } from './embed-cover';

describe('COVER_TEXT.picture', () => {
  it('counts the scenario and names the implicit CoreDNS', () => {
    const scene = coverScene('', DEFAULT)!;
    expect(scene.pods.filter((p) => p.implicit)).toHaveLength(2);
    expect(COVER_TEXT.picture.en(scene)).toBe(
      'Preview of the scene: node01, node02; 3 pods, 3 Services, and the implicit CoreDNS',
    );
    expect(COVER_TEXT.picture.ko(scene)).toBe(
      '장면 미리 보기: node01, node02, 파드 3개, Service 3개, 자동 추가된 CoreDNS',
    );
  });

  it('says nothing of CoreDNS when the scenario has its own kube-dns', () => {
    const own = `${DEFAULT}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: kube-dns, namespace: kube-system}\nspec: {selector: {k8s-app: kube-dns}, ports: [{port: 53, protocol: UDP}]}\n`;
    expect(COVER_TEXT.picture.en(coverScene('', own)!)).toBe(
      'Preview of the scene: node01, node02; 3 pods, 4 Services',
    );
  });
});
