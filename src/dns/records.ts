// What CoreDNS (kubeadm's Corefile: `kubernetes cluster.local … { pods insecure }`, then
// `forward . /etc/resolv.conf`) answers for one fully qualified name, following the Kubernetes
// DNS-Based Service Discovery specification: Service A records (the ClusterIP; for a headless
// Service one per ready endpoint), hostname.subdomain records of a headless Service's pods,
// pod records `a-b-c-d.ns.pod.cluster.local`, ExternalName as a CNAME; other names go upstream.
import type { TopologyService } from '../engine/services';
import type { Cluster } from '../k8s/types';
import { parseIp } from '../lib/ip';
import { t, type LocalText } from '../lib/text';
import { CLUSTER_DOMAIN } from './resolv-conf';

/** What an answer points at, for the trace to follow. */
export type DnsTarget =
  | { readonly kind: 'service'; readonly service: string }
  | { readonly kind: 'headless'; readonly service: string; readonly pods: readonly string[] }
  | { readonly kind: 'pod-hostname'; readonly service: string; readonly pod: string }
  | { readonly kind: 'pod-ip'; readonly pod?: string }
  | { readonly kind: 'external-name'; readonly service: string; readonly cname: string }
  | { readonly kind: 'upstream'; readonly external?: string };

export type DnsAnswer =
  /** Records: addresses (empty only for a CNAME whose target netlab cannot know). */
  | {
      readonly kind: 'answer';
      readonly addresses: readonly string[];
      readonly cname?: string;
      readonly target: DnsTarget;
      readonly text: LocalText;
    }
  /** NXDOMAIN, or a name with no A record (a headless Service without ready endpoints). */
  | { readonly kind: 'none'; readonly text: LocalText }
  /** Outside cluster.local: CoreDNS forwards it upstream; netlab knows only ExternalEndpoint names. */
  | { readonly kind: 'unknown'; readonly text: LocalText };

/** The parts of a scenario CoreDNS serves from. */
export interface DnsZone {
  readonly services: readonly TopologyService[];
  readonly pods: Cluster['pods'];
  readonly externals: Cluster['externals'];
  readonly namespaces: Cluster['namespaces'];
}

const zoneSuffix = `.${CLUSTER_DOMAIN}`;

/** CoreDNS's answer for `fqdn` (with or without its final dot; compared without case). */
export function answerQuery(zone: DnsZone, fqdn: string): DnsAnswer {
  const name = fqdn.toLowerCase().replace(/\.$/, '');
  if (!name.endsWith(zoneSuffix)) return upstream(zone, name);
  const labels = name.slice(0, -zoneSuffix.length).split('.');
  const nx = (why: LocalText): DnsAnswer => ({ kind: 'none', text: why });
  const noSuch = nx(
    t(`NXDOMAIN: no such name in ${CLUSTER_DOMAIN}`, `NXDOMAIN: ${CLUSTER_DOMAIN}에 없는 이름`),
  );
  if (labels.length === 3 && labels[2] === 'svc')
    return serviceRecord(zone, labels[1]!, labels[0]!) ?? noSuch;
  if (labels.length === 4 && labels[3] === 'svc')
    return hostnameRecord(zone, labels[2]!, labels[1]!, labels[0]!) ?? noSuch;
  if (labels.length === 3 && labels[2] === 'pod') return podRecord(zone, labels[1]!, labels[0]!) ?? noSuch;
  return noSuch;
}

function serviceRecord(zone: DnsZone, ns: string, name: string): DnsAnswer | undefined {
  const s = zone.services.find((x) => x.namespace === ns && x.name === name);
  if (!s) return undefined;
  if (s.type === 'ExternalName') {
    const cname = s.externalName ?? '';
    const ext = zone.externals.find((x) => x.name.toLowerCase() === cname.toLowerCase());
    return {
      kind: 'answer',
      addresses: ext ? [ext.ip.key] : [],
      cname,
      target: { kind: 'external-name', service: s.key, cname },
      text: ext
        ? t(
            `CNAME ${cname} (ExternalName Service ${s.key}), whose address is ${ext.ip.key}`,
            `CNAME ${cname}(ExternalName Service ${s.key}), 그 주소는 ${ext.ip.key}`,
          )
        : t(
            `CNAME ${cname} (ExternalName Service ${s.key}); its address comes from DNS outside the cluster, which netlab does not know`,
            `CNAME ${cname}(ExternalName Service ${s.key}). 그 주소는 클러스터 밖 DNS가 알려 주는데, netlab은 알 수 없습니다`,
          ),
    };
  }
  if (s.clusterIP !== null)
    return {
      kind: 'answer',
      addresses: [s.clusterIP],
      target: { kind: 'service', service: s.key },
      text: t(
        `A ${s.clusterIP}: the ClusterIP of Service ${s.key}`,
        `A ${s.clusterIP}: Service ${s.key}의 ClusterIP`,
      ),
    };
  if (s.clusterIPSource !== 'headless') return undefined;
  const ready = s.backends.filter((b) => b.ready);
  if (ready.length === 0)
    return {
      kind: 'none',
      text: t(
        `headless Service ${s.key} has no ready endpoint: no A record`,
        `헤드리스 Service ${s.key}에 준비된 엔드포인트가 없어서 A 레코드가 없습니다`,
      ),
    };
  const addresses = ready.map((b) => b.ip);
  return {
    kind: 'answer',
    addresses,
    target: { kind: 'headless', service: s.key, pods: ready.flatMap((b) => (b.pod ? [b.pod] : [])) },
    text: t(
      `A ${addresses.join(', ')}: headless Service ${s.key}, one record per ready endpoint (no ClusterIP, no kube-proxy)`,
      `A ${addresses.join(', ')}: 헤드리스 Service ${s.key}, 준비된 엔드포인트마다 레코드 하나(ClusterIP도 kube-proxy도 없음)`,
    ),
  };
}

/** `hostname.subdomain.ns.svc`: a pod with spec.hostname and spec.subdomain naming a headless Service. */
function hostnameRecord(zone: DnsZone, ns: string, svc: string, host: string): DnsAnswer | undefined {
  const s = zone.services.find(
    (x) => x.namespace === ns && x.name === svc && x.clusterIPSource === 'headless',
  );
  if (!s) return undefined;
  const pod = zone.pods.find(
    (p) => p.namespace === ns && p.hostname === host && p.subdomain === svc && !p.hostNetwork,
  );
  if (!pod) return undefined;
  const key = `${pod.namespace}/${pod.name}`;
  if (!s.backends.some((b) => b.ready && b.pod === key))
    return {
      kind: 'none',
      text: t(
        `${key} is not a ready endpoint of ${s.key}: no record for its hostname`,
        `${key} 파드가 ${s.key}의 준비된 엔드포인트가 아니라서 호스트 이름 레코드가 없습니다`,
      ),
    };
  return {
    kind: 'answer',
    addresses: [pod.ip.key],
    target: { kind: 'pod-hostname', service: s.key, pod: key },
    text: t(
      `A ${pod.ip.key}: pod ${key} (spec.hostname ${host}, spec.subdomain ${svc} — a StatefulSet sets both)`,
      `A ${pod.ip.key}: 파드 ${key}(spec.hostname ${host}, spec.subdomain ${svc}. StatefulSet이 둘 다 채웁니다)`,
    ),
  };
}

/** `10-244-1-3.ns.pod`: CoreDNS's `pods insecure` answers the address the name spells, pod or not. */
function podRecord(zone: DnsZone, ns: string, dashed: string): DnsAnswer | undefined {
  if (!/^\d{1,3}(-\d{1,3}){3}$/.test(dashed)) return undefined;
  const ip = parseIp(dashed.replaceAll('-', '.'));
  if (!ip || !zone.namespaces.has(ns)) return undefined;
  const pod = zone.pods.find((p) => p.namespace === ns && !p.hostNetwork && p.ip.key === ip.key);
  const key = pod ? `${pod.namespace}/${pod.name}` : undefined;
  return {
    kind: 'answer',
    addresses: [ip.key],
    target: { kind: 'pod-ip', ...(key !== undefined ? { pod: key } : {}) },
    text: key
      ? t(`A ${ip.key}: pod ${key}`, `A ${ip.key}: 파드 ${key}`)
      : t(
          `A ${ip.key}: CoreDNS's "pods insecure" answers the address the name spells, though no pod of ${ns} has it`,
          `A ${ip.key}: CoreDNS의 "pods insecure"는 ${ns}에 그 주소의 파드가 없어도 이름에 적힌 주소를 돌려줍니다`,
        ),
  };
}

function upstream(zone: DnsZone, name: string): DnsAnswer {
  const ext = zone.externals.find((x) => x.name.toLowerCase() === name);
  if (ext)
    return {
      kind: 'answer',
      addresses: [ext.ip.key],
      target: { kind: 'upstream', external: ext.name },
      text: t(
        `A ${ext.ip.key}: outside ${CLUSTER_DOMAIN}, CoreDNS forwards the query upstream (the scenario's ExternalEndpoint ${ext.name})`,
        `A ${ext.ip.key}: ${CLUSTER_DOMAIN} 밖이라 CoreDNS가 위쪽 DNS로 넘깁니다(시나리오의 ExternalEndpoint ${ext.name})`,
      ),
    };
  return {
    kind: 'unknown',
    text: t(
      `outside ${CLUSTER_DOMAIN}: CoreDNS forwards the query upstream; netlab does not know the answer`,
      `${CLUSTER_DOMAIN} 밖이라 CoreDNS가 위쪽 DNS로 넘깁니다. netlab은 그 답을 알 수 없습니다`,
    ),
  };
}
