// The one place that decides what a NetworkPolicy verdict means under the scenario's CNI: calico,
// cilium and weave enforce it; flannel and the bridge plugin store the policies (the API server
// accepts them without a word) and deliver every packet. The matrix, the why panel, the packet
// trace and `netlab matrix/check --json` all ask here.
import type { CniName } from '../k8s/types';
import { josa } from '../lib/korean';
import { t, type LocalText } from '../lib/text';

/** Whether the CNI enforces NetworkPolicy. */
export function enforcesPolicy(cni: CniName): boolean {
  return cni === 'calico' || cni === 'cilium' || cni === 'weave';
}

export interface Enforcement {
  readonly cni: CniName;
  readonly enforced: boolean;
  /** What the policies say. */
  readonly policyAllowed: boolean;
  /** What happens to the packet: the policies' verdict when enforced, else delivered. */
  readonly allowed: boolean;
  /** Set when the two differ: "policy says ✗ — flannel delivers it". */
  readonly note?: LocalText;
}

/** The effective verdict of a flow the policies judge `policyAllowed`, under `cni`. */
export function effectiveVerdict(policyAllowed: boolean, cni: CniName): Enforcement {
  const enforced = enforcesPolicy(cni);
  const allowed = enforced ? policyAllowed : true;
  return {
    cni,
    enforced,
    policyAllowed,
    allowed,
    ...(allowed !== policyAllowed ? { note: deliveredAnyway(cni) } : {}),
  };
}

/** The cell's and the why panel's words for a denied flow the CNI delivers anyway. */
export const deliveredAnyway = (cni: CniName): LocalText =>
  t(
    `policy says ✗ — ${cni} delivers it`,
    `정책상으로는 ✗ 차단이지만 ${josa(cni, '은/는')} 그대로 전달합니다`,
  );

/** The banner over the matrix under a CNI that enforces nothing. */
export const notEnforcedBanner = (cni: CniName): LocalText =>
  t(
    `${cni} does not enforce NetworkPolicy: the API server stores the policies without any error, and every packet is delivered. The cells show what the policies say and, where they deny, that ${cni} delivers the packet anyway.`,
    `${josa(cni, '은/는')} NetworkPolicy를 적용하지 않습니다. API 서버는 정책을 오류 없이 저장하지만 패킷은 모두 전달됩니다. 각 칸은 정책이 말하는 결과를 보여 주고, 정책이 막는 칸에는 ${josa(cni, '이/가')} 그래도 전달한다고 적습니다.`,
  );
