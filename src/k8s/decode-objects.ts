// Pods, Nodes, Namespaces and Services: the parts of them networking depends on.
import { parseCidr, parseIp, type Cidr, type IpAddress } from '../lib/ip';
import { quote } from '../lib/user-text';
import { closestName, Decoder, isDnsLabel, isDnsSubdomain, isPortName, pathText, type Dict } from './decoder';
import {
  decodeOwners,
  decodeLoadBalancerIngress,
  decodePodStatus,
  type PodStatusFields,
} from './decode-status';
import type { FieldPath } from './source';
import { decodeSessionAffinity } from './decode-session-affinity';
import {
  DNS_POLICIES,
  type DnsPolicy,
  type Container,
  type ContainerPort,
  type Labels,
  type OwnerReference,
  type Service,
  type ServicePort,
  type ServiceType,
} from './types';
import { t, type LocalText } from '../lib/text';
import { josa } from '../lib/korean';

/** A pod before IP assignment (which needs every Node and every other pod). */
export interface PodDraft {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly nodeName?: string;
  readonly hostNetwork: boolean;
  readonly statusIp?: IpAddress;
  readonly containers: readonly Container[];
  readonly status: PodStatusFields;
  readonly owners: readonly OwnerReference[];
  readonly hostname?: string;
  readonly subdomain?: string;
  readonly dnsPolicy?: DnsPolicy;
  readonly decoder: Decoder;
}

export function decodePod(d: Decoder, obj: Dict, name: string, namespace: string, labels: Labels): PodDraft {
  const meta = (obj.metadata ?? {}) as Dict;
  const spec = d.map(obj.spec, ['spec']) ?? {};
  const status = d.map(obj.status, ['status']) ?? {};
  const nodeName = d.string(spec.nodeName, ['spec', 'nodeName']);
  const hostNetwork = d.bool(spec.hostNetwork, ['spec', 'hostNetwork']) ?? false;
  const hostname = dnsLabelField(d, spec.hostname, ['spec', 'hostname']);
  const subdomain = dnsLabelField(d, spec.subdomain, ['spec', 'subdomain']);
  const dnsPolicy =
    spec.dnsPolicy === undefined
      ? undefined
      : oneOf(d, spec.dnsPolicy, ['spec', 'dnsPolicy'], DNS_POLICIES, 'ClusterFirst', 'dns-policy');
  const containersRaw = d.list(spec.containers, ['spec', 'containers']) ?? [];
  if (containersRaw.length === 0) {
    d.error(
      'required',
      ['spec'],
      t(
        'spec.containers: a pod needs at least one container',
        'spec.containers: 파드에는 컨테이너가 하나 이상 필요합니다',
      ),
    );
  }
  const seenPortNames = new Map<string, string>();
  const containers: Container[] = containersRaw.map((raw, i) => {
    const p = ['spec', 'containers', i];
    const c = d.map(raw, p) ?? {};
    const cname = d.string(c.name, [...p, 'name']) ?? `container-${i}`;
    const image = d.string(c.image, [...p, 'image']);
    const ports: ContainerPort[] = [];
    (d.list(c.ports, [...p, 'ports']) ?? []).forEach((rawPort, j) => {
      const pp = [...p, 'ports', j];
      const cp = d.map(rawPort, pp) ?? {};
      if (cp.containerPort === undefined || cp.containerPort === null) {
        d.error(
          'required',
          pp,
          t(`${pathText(pp)}.containerPort: required`, `${pathText(pp)}.containerPort: 필수 항목입니다`),
        );
        return;
      }
      const containerPort = d.int(cp.containerPort, [...pp, 'containerPort'], 1, 65535);
      const protocol = d.protocol(cp.protocol, [...pp, 'protocol']);
      const portName = d.string(cp.name, [...pp, 'name']);
      if (portName !== undefined) {
        if (!isPortName(portName)) {
          d.error(
            'port-name',
            [...pp, 'name'],
            t(
              `${quote(portName)} is not a valid port name`,
              `${josa(quote(portName), '은/는')} 올바른 포트 이름이 아닙니다`,
            ),
            t(
              'up to 15 lower-case letters, digits and hyphens, with at least one letter',
              '포트 이름은 소문자·숫자·하이픈 15자 이내이고 글자가 하나 이상 있어야 합니다',
            ),
          );
        } else if (seenPortNames.has(portName)) {
          d.error(
            'duplicate-port-name',
            [...pp, 'name'],
            t(
              `port name ${portName} is already used in this pod`,
              `포트 이름 ${josa(portName, '은/는')} 이 파드에서 이미 쓰였습니다`,
            ),
          );
        } else seenPortNames.set(portName, cname);
      }
      if (containerPort !== undefined)
        ports.push({
          containerPort,
          protocol,
          ...(portName !== undefined && isPortName(portName) ? { name: portName } : {}),
        });
    });
    return { name: cname, ...(image !== undefined ? { image } : {}), ports };
  });
  const podIpText = d.string(status.podIP, ['status', 'podIP']);
  let statusIp: IpAddress | undefined;
  if (podIpText !== undefined) {
    statusIp = parseIp(podIpText) ?? undefined;
    if (!statusIp)
      d.error(
        'ip',
        ['status', 'podIP'],
        t(
          `status.podIP: invalid IP address ${quote(podIpText)}`,
          `status.podIP: 잘못된 IP 주소 ${quote(podIpText)}`,
        ),
      );
  }
  return {
    namespace,
    name,
    labels,
    ...(nodeName !== undefined ? { nodeName } : {}),
    hostNetwork,
    ...(statusIp ? { statusIp } : {}),
    containers,
    status: decodePodStatus(d, obj, meta),
    owners: decodeOwners(d, meta),
    ...(hostname !== undefined ? { hostname } : {}),
    ...(subdomain !== undefined ? { subdomain } : {}),
    ...(dnsPolicy !== undefined ? { dnsPolicy } : {}),
    decoder: d,
  };
}

/** spec.hostname / spec.subdomain: a DNS label (RFC 1123), else an error and nothing. */
function dnsLabelField(d: Decoder, value: unknown, path: FieldPath): string | undefined {
  const text = d.string(value, path);
  if (text === undefined) return undefined;
  if (isDnsLabel(text)) return text;
  d.error(
    'dns-label',
    path,
    t(
      `${pathText(path)}: ${quote(text)} is not a DNS label (lower case letters, digits and "-", at most 63)`,
      `${pathText(path)}: ${josa(quote(text), '은/는')} DNS 레이블이 아닙니다(소문자, 숫자, "-"로 63자 이내)`,
    ),
  );
  return undefined;
}

export interface NodeFields {
  readonly podCIDR?: Cidr;
  readonly internalIP?: IpAddress;
}

export function decodeNode(d: Decoder, obj: Dict): NodeFields {
  const spec = d.map(obj.spec, ['spec']) ?? {};
  const status = d.map(obj.status, ['status']) ?? {};
  let podCIDR: Cidr | undefined;
  const cidrs = d.list(spec.podCIDRs, ['spec', 'podCIDRs']);
  const cidrPath = spec.podCIDR !== undefined ? ['spec', 'podCIDR'] : ['spec', 'podCIDRs', 0];
  const cidrText = d.string(spec.podCIDR ?? cidrs?.[0], cidrPath);
  if (cidrText !== undefined) {
    podCIDR = parseCidr(cidrText) ?? undefined;
    if (!podCIDR)
      d.error(
        'cidr',
        cidrPath,
        t(
          `${pathText(cidrPath)}: invalid CIDR ${quote(cidrText)}`,
          `${pathText(cidrPath)}: 잘못된 CIDR ${quote(cidrText)}`,
        ),
      );
  }
  let internalIP: IpAddress | undefined;
  (d.list(status.addresses, ['status', 'addresses']) ?? []).forEach((raw, i) => {
    const p = ['status', 'addresses', i];
    const a = d.map(raw, p) ?? {};
    if (a.type !== 'InternalIP' || internalIP) return;
    const text = d.string(a.address, [...p, 'address']) ?? '';
    internalIP = parseIp(text) ?? undefined;
    if (!internalIP)
      d.error(
        'ip',
        [...p, 'address'],
        t(`invalid IP address ${quote(text)}`, `잘못된 IP 주소 ${quote(text)}`),
      );
  });
  return { ...(podCIDR ? { podCIDR } : {}), ...(internalIP ? { internalIP } : {}) };
}

const SERVICE_TYPES: readonly ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];

export function decodeService(d: Decoder, obj: Dict, name: string, namespace: string): Service {
  const spec = d.map(obj.spec, ['spec']) ?? {};
  const typeText = d.string(spec.type, ['spec', 'type']) ?? 'ClusterIP';
  let type: ServiceType = 'ClusterIP';
  if ((SERVICE_TYPES as readonly string[]).includes(typeText)) type = typeText as ServiceType;
  else
    d.error(
      'service-type',
      ['spec', 'type'],
      t(
        `spec.type: unsupported value ${quote(typeText)}: use ClusterIP, NodePort, LoadBalancer or ExternalName`,
        `spec.type: 지원하지 않는 값 ${quote(typeText)}: ClusterIP, NodePort, LoadBalancer, ExternalName 중 하나를 쓰세요`,
      ),
    );
  const ports: ServicePort[] = [];
  (d.list(spec.ports, ['spec', 'ports']) ?? []).forEach((raw, i) => {
    const p = ['spec', 'ports', i];
    const sp = d.map(raw, p) ?? {};
    const port = d.int(sp.port, [...p, 'port'], 1, 65535);
    if (port === undefined) {
      if (sp.port === undefined)
        d.error('required', p, t(`${pathText(p)}.port: required`, `${pathText(p)}.port: 필수 항목입니다`));
      return;
    }
    const protocol = d.protocol(sp.protocol, [...p, 'protocol']);
    let targetPort: number | string = port;
    if (typeof sp.targetPort === 'string') {
      if (isPortName(sp.targetPort)) targetPort = sp.targetPort;
      else
        d.error(
          'port-name',
          [...p, 'targetPort'],
          t(
            `${quote(sp.targetPort)} is not a valid port name`,
            `${josa(quote(sp.targetPort), '은/는')} 올바른 포트 이름이 아닙니다`,
          ),
        );
    } else if (sp.targetPort !== undefined) {
      targetPort = d.int(sp.targetPort, [...p, 'targetPort'], 1, 65535) ?? port;
    }
    const nodePort = d.int(sp.nodePort, [...p, 'nodePort'], 1, 65535);
    const portName = d.string(sp.name, [...p, 'name']);
    ports.push({
      protocol,
      port,
      targetPort,
      ...(nodePort !== undefined ? { nodePort } : {}),
      ...(portName !== undefined ? { name: portName } : {}),
    });
  });
  const externalName = d.string(spec.externalName, ['spec', 'externalName']);
  if (type === 'ExternalName' && !externalName) {
    d.error(
      'required',
      ['spec'],
      t(
        'spec.externalName: required for type ExternalName',
        'spec.externalName: ExternalName 타입에는 필수입니다',
      ),
    );
  } else if (externalName !== undefined && !isDnsSubdomain(externalName.toLowerCase())) {
    d.error(
      'dns-name',
      ['spec', 'externalName'],
      t(
        `spec.externalName: ${quote(externalName)} is not a DNS name`,
        `spec.externalName: ${josa(quote(externalName), '은/는')} DNS 이름이 아닙니다`,
      ),
    );
  }
  const policies = ['Cluster', 'Local'] as const;
  const etp = oneOf(
    d,
    spec.externalTrafficPolicy,
    ['spec', 'externalTrafficPolicy'],
    policies,
    'Cluster',
    'traffic-policy',
  );
  const itp = oneOf(
    d,
    spec.internalTrafficPolicy,
    ['spec', 'internalTrafficPolicy'],
    policies,
    'Cluster',
    'traffic-policy',
  );
  const externalIPs: IpAddress[] = [];
  (d.list(spec.externalIPs, ['spec', 'externalIPs']) ?? []).forEach((raw, i) => {
    const text = d.string(raw, ['spec', 'externalIPs', i]);
    const ip = text !== undefined ? parseIp(text) : null;
    if (ip) externalIPs.push(ip);
    else if (text !== undefined)
      d.error(
        'ip',
        ['spec', 'externalIPs', i],
        t(
          `spec.externalIPs[${i}]: invalid IP address ${JSON.stringify(text)}`,
          `spec.externalIPs[${i}]: 잘못된 IP 주소 ${JSON.stringify(text)}`,
        ),
      );
  });
  const clusterIP = d.string(spec.clusterIP, ['spec', 'clusterIP']);
  const loadBalancerIP = d.string(spec.loadBalancerIP, ['spec', 'loadBalancerIP']);
  if (loadBalancerIP !== undefined)
    d.report(
      'warning',
      'deprecated-field',
      ['spec', 'loadBalancerIP'],
      t(
        'spec.loadBalancerIP is deprecated since Kubernetes v1.24: its meaning varies between implementations and it cannot do dual-stack; netlab still reads it when status.loadBalancer.ingress is empty',
        'spec.loadBalancerIP는 쿠버네티스 v1.24부터 지원 중단(deprecated)되었습니다. 구현마다 뜻이 다르고 듀얼 스택을 지원하지 못합니다. netlab은 status.loadBalancer.ingress가 비어 있을 때만 이 값을 읽습니다',
      ),
      t(
        'ask for an address with your load balancer’s own annotation (e.g. metallb.io/loadBalancerIPs, service.beta.kubernetes.io/azure-load-balancer-ipv4)',
        '주소는 로드밸런서 구현의 어노테이션으로 요청하세요(예: metallb.io/loadBalancerIPs, service.beta.kubernetes.io/azure-load-balancer-ipv4)',
      ),
    );
  const sessionAffinity = decodeSessionAffinity(d, spec);
  const selector =
    spec.selector === undefined || spec.selector === null
      ? undefined
      : d.labels(spec.selector, ['spec', 'selector']);
  return {
    namespace,
    name,
    type,
    ...(clusterIP !== undefined ? { clusterIP } : {}),
    ...(selector ? { selector } : {}),
    ports,
    ...(externalName !== undefined ? { externalName } : {}),
    externalTrafficPolicy: etp,
    internalTrafficPolicy: itp,
    ...(loadBalancerIP !== undefined ? { loadBalancerIP } : {}),
    loadBalancerIngress: decodeLoadBalancerIngress(d, obj),
    externalIPs,
    publishNotReadyAddresses:
      d.bool(spec.publishNotReadyAddresses, ['spec', 'publishNotReadyAddresses']) ?? false,
    ...(sessionAffinity ? { sessionAffinity } : {}),
    source: { file: d.file, at: d.raw.at },
  };
}

/** `netlab.dev/v1 ExternalEndpoint`: `spec.ip` is the machine's address. */
export function decodeExternalEndpoint(d: Decoder, obj: Dict): IpAddress | undefined {
  const spec = d.map(obj.spec, ['spec']) ?? {};
  const text = d.string(spec.ip, ['spec', 'ip']);
  if (text === undefined) {
    d.error(
      'required',
      ['spec'],
      t(
        'spec.ip: an ExternalEndpoint needs an IP address',
        'spec.ip: ExternalEndpoint에는 IP 주소가 필요합니다',
      ),
    );
    return undefined;
  }
  const ip = parseIp(text);
  if (!ip)
    d.error(
      'ip',
      ['spec', 'ip'],
      t(`spec.ip: invalid IP address ${quote(text)}`, `spec.ip: 잘못된 IP 주소 ${quote(text)}`),
    );
  return ip ?? undefined;
}

/** A string that must be one of `allowed`; absent gives `fallback`, anything else an error (and `fallback`). */
export function oneOf<T extends string>(
  d: Decoder,
  value: unknown,
  path: FieldPath,
  allowed: readonly T[],
  fallback: T,
  code: string,
  notes: Readonly<Record<string, LocalText>> = {},
): T {
  const text = d.string(value, path);
  if (text === undefined) return fallback;
  if ((allowed as readonly string[]).includes(text)) return text as T;
  const lower = allowed.find((a) => a === text.toLowerCase());
  const guess = lower ?? closestName(text, allowed);
  const list = allowed.join(', ');
  d.error(
    code,
    path,
    t(
      `${pathText(path)}: unsupported value ${quote(text)}: use one of ${list}`,
      `${pathText(path)}: 지원하지 않는 값 ${quote(text)}: ${list} 중 하나를 쓰세요`,
    ),
    (Object.hasOwn(notes, text) ? notes[text] : undefined) ??
      (guess
        ? lower
          ? t(`values are lower case: ${lower}`, `값은 소문자로 씁니다: ${lower}`)
          : t(`did you mean ${guess}?`, `혹시 ${guess} 말인가요?`)
        : undefined),
  );
  return fallback;
}
