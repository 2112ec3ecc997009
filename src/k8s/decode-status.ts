// What a cluster reports back about an object: a pod's phase, readiness and termination, owner
// references, and a Service's load-balancer addresses. Absent on manifests as written; present in
// every `kubectl get -o yaml` dump, where they decide which pods hold IPs and where traffic goes.
import { parseIp, type IpAddress } from '../lib/ip';
import { pathText, type Decoder, type Dict } from './decoder';
import { t } from '../lib/text';
import { POD_PHASES, type LoadBalancerIngress, type OwnerReference, type PodPhase } from './types';

export interface PodStatusFields {
  /** Undefined when the object has no status.phase (a manifest as written). */
  readonly phase?: PodPhase;
  readonly ready?: boolean;
  readonly terminating: boolean;
}

/** status.phase, the Ready condition, and metadata.deletionTimestamp. */
export function decodePodStatus(d: Decoder, obj: Dict, meta: Dict): PodStatusFields {
  const status = d.map(obj.status, ['status']) ?? {};
  const phaseText = d.string(status.phase, ['status', 'phase']);
  let phase: PodPhase | undefined;
  if (phaseText !== undefined) {
    if ((POD_PHASES as readonly string[]).includes(phaseText)) phase = phaseText as PodPhase;
    else
      d.report(
        'warning',
        'pod-phase',
        ['status', 'phase'],
        t(
          `status.phase ${JSON.stringify(phaseText)} is not a pod phase (Pending, Running, Succeeded, Failed, Unknown); read as Unknown`,
          `status.phase 값 ${JSON.stringify(phaseText)}: 파드 phase(Pending, Running, Succeeded, Failed, Unknown) 중 하나가 아니라 Unknown으로 읽습니다`,
        ),
      );
    phase ??= 'Unknown';
  }
  let ready: boolean | undefined;
  (d.list(status.conditions, ['status', 'conditions']) ?? []).forEach((raw, i) => {
    const c = d.map(raw, ['status', 'conditions', i]);
    if (c?.type === 'Ready') ready = c.status === 'True';
  });
  const terminating = meta.deletionTimestamp !== undefined && meta.deletionTimestamp !== null;
  return { ...(phase ? { phase } : {}), ...(ready !== undefined ? { ready } : {}), terminating };
}

/** metadata.ownerReferences: kind and name of each owner, and which one is the controller. */
export function decodeOwners(d: Decoder, meta: Dict): OwnerReference[] {
  const out: OwnerReference[] = [];
  (d.list(meta.ownerReferences, ['metadata', 'ownerReferences']) ?? []).forEach((raw, i) => {
    const p = ['metadata', 'ownerReferences', i];
    const o = d.map(raw, p);
    if (!o) return;
    const kind = d.string(o.kind, [...p, 'kind']);
    const name = d.string(o.name, [...p, 'name']);
    if (kind === undefined || name === undefined) return;
    out.push({ kind, name, controller: o.controller === true });
  });
  return out;
}

/** status.loadBalancer.ingress: each entry's ip and hostname. */
export function decodeLoadBalancerIngress(d: Decoder, obj: Dict): LoadBalancerIngress[] {
  const status = d.map(obj.status, ['status']) ?? {};
  const lb = d.map(status.loadBalancer, ['status', 'loadBalancer']) ?? {};
  const out: LoadBalancerIngress[] = [];
  (d.list(lb.ingress, ['status', 'loadBalancer', 'ingress']) ?? []).forEach((raw, i) => {
    const p = ['status', 'loadBalancer', 'ingress', i];
    const e = d.map(raw, p);
    if (!e) return;
    const ipText = d.string(e.ip, [...p, 'ip']);
    const hostname = d.string(e.hostname, [...p, 'hostname']);
    let ip: IpAddress | undefined;
    if (ipText !== undefined) {
      ip = parseIp(ipText) ?? undefined;
      if (!ip)
        d.error(
          'ip',
          [...p, 'ip'],
          t(
            `${pathText([...p, 'ip'])}: invalid IP address ${JSON.stringify(ipText)}`,
            `${pathText([...p, 'ip'])}: 잘못된 IP 주소 ${JSON.stringify(ipText)}`,
          ),
        );
    }
    if (ip || hostname !== undefined)
      out.push({ ...(ip ? { ip } : {}), ...(hostname !== undefined ? { hostname } : {}) });
  });
  return out;
}
