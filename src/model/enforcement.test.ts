// One decision for every view: the policies' verdict, whether the CNI enforces it, what happens.
import { describe, expect, it } from 'vitest';
import { CNI_NAMES } from '../k8s/types';
import { cniProfile } from './cni';
import { effectiveVerdict, enforcesPolicy } from './enforcement';

describe('effectiveVerdict', () => {
  it.each([
    ['calico', false, { enforced: true, policyAllowed: false, allowed: false }],
    ['cilium', false, { enforced: true, policyAllowed: false, allowed: false }],
    ['weave', true, { enforced: true, policyAllowed: true, allowed: true }],
    ['flannel', false, { enforced: false, policyAllowed: false, allowed: true }],
    ['bridge', false, { enforced: false, policyAllowed: false, allowed: true }],
    ['flannel', true, { enforced: false, policyAllowed: true, allowed: true }],
  ] as const)('%s, policy allows: %s', (cni, policyAllowed, want) => {
    const e = effectiveVerdict(policyAllowed, cni);
    expect(e).toMatchObject(want);
    expect(e.note !== undefined).toBe(want.allowed !== want.policyAllowed);
  });

  it('says it in words, in both languages, with the right particle', () => {
    expect(effectiveVerdict(false, 'flannel').note).toEqual({
      en: 'policy says ✗ — flannel delivers it',
      ko: '정책상으로는 ✗ 차단이지만 flannel은 그대로 전달합니다',
    });
    expect(effectiveVerdict(false, 'bridge').note!.ko).toBe(
      '정책상으로는 ✗ 차단이지만 bridge는 그대로 전달합니다',
    );
  });

  it('is the same decision the packet trace uses', () => {
    for (const cni of CNI_NAMES) expect(cniProfile(cni).enforcesPolicy).toBe(enforcesPolicy(cni));
  });
});
