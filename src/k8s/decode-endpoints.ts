// Endpoints (v1) and EndpointSlice (discovery.k8s.io/v1): the addresses behind a Service, with
// readiness. The control plane writes them for Services with a selector; for a Service without
// one (`kubernetes`, an outside database) they are the only record of where its traffic goes.
import { parseIp } from '../lib/ip';
import { pathText, type Decoder, type Dict } from './decoder';
import { t } from '../lib/text';
import type { FieldPath } from './source';
import type { EndpointAddress, EndpointPort, EndpointSet } from './types';

/** The label that ties an EndpointSlice to its Service. */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

type Group = EndpointSet['groups'][number];

/** `subsets[]`: `addresses` are ready, `notReadyAddresses` are not; each subset has its ports. */
export function decodeEndpoints(d: Decoder, obj: Dict, name: string, namespace: string): EndpointSet {
  const groups: Group[] = [];
  (d.list(obj.subsets, ['subsets']) ?? []).forEach((raw, i) => {
    const p: FieldPath = ['subsets', i];
    const subset = d.map(raw, p) ?? {};
    const addresses: EndpointAddress[] = [];
    for (const [field, ready] of [
      ['addresses', true],
      ['notReadyAddresses', false],
    ] as const) {
      (d.list(subset[field], [...p, field]) ?? []).forEach((rawAddress, j) => {
        const ap = [...p, field, j];
        const a = d.map(rawAddress, ap) ?? {};
        const ip = address(d, a.ip, [...ap, 'ip']);
        if (!ip) return;
        const nodeName = d.string(a.nodeName, [...ap, 'nodeName']);
        const pod = podRef(d, a.targetRef, [...ap, 'targetRef'], namespace);
        addresses.push({
          ip,
          ready,
          serving: ready,
          terminating: false,
          ...(nodeName !== undefined ? { nodeName } : {}),
          ...(pod ? { pod } : {}),
        });
      });
    }
    groups.push({ addresses, ports: ports(d, subset.ports, [...p, 'ports']) });
  });
  return { namespace, service: name, from: 'Endpoints', groups, source: { file: d.file, at: d.raw.at } };
}

/**
 * One EndpointSlice: its Service from the kubernetes.io/service-name label (undefined without
 * one, with a warning). `ready` unset means ready; `serving` unset follows `ready`.
 */
export function decodeEndpointSlice(
  d: Decoder,
  obj: Dict,
  namespace: string,
  labels: Readonly<Record<string, string>>,
): EndpointSet | undefined {
  const service = labels[SERVICE_NAME_LABEL];
  const addressType = d.string(obj.addressType, ['addressType']);
  if (service === undefined) {
    d.report(
      'warning',
      'endpointslice-no-service',
      ['metadata', 'labels'],
      t(
        `an EndpointSlice without the ${SERVICE_NAME_LABEL} label belongs to no Service; it is skipped`,
        `${SERVICE_NAME_LABEL} 레이블이 없는 EndpointSlice는 어느 Service에도 속하지 않아 건너뜁니다`,
      ),
    );
    return undefined;
  }
  const addresses: EndpointAddress[] = [];
  if (addressType !== 'FQDN') {
    (d.list(obj.endpoints, ['endpoints']) ?? []).forEach((raw, i) => {
      const p: FieldPath = ['endpoints', i];
      const e = d.map(raw, p) ?? {};
      const conditions = d.map(e.conditions, [...p, 'conditions']) ?? {};
      const ready = d.bool(conditions.ready, [...p, 'conditions', 'ready']) ?? true;
      const serving = d.bool(conditions.serving, [...p, 'conditions', 'serving']) ?? ready;
      const terminating = d.bool(conditions.terminating, [...p, 'conditions', 'terminating']) ?? false;
      const nodeName = d.string(e.nodeName, [...p, 'nodeName']);
      const pod = podRef(d, e.targetRef, [...p, 'targetRef'], namespace);
      // Addresses of one endpoint are fungible: consumers use the first.
      const first = (d.list(e.addresses, [...p, 'addresses']) ?? [])[0];
      const ip = address(d, first, [...p, 'addresses', 0]);
      if (!ip) return;
      addresses.push({
        ip,
        ready,
        serving,
        terminating,
        ...(nodeName !== undefined ? { nodeName } : {}),
        ...(pod ? { pod } : {}),
      });
    });
  }
  return {
    namespace,
    service,
    from: 'EndpointSlice',
    groups: [{ addresses, ports: ports(d, obj.ports, ['ports']) }],
    source: { file: d.file, at: d.raw.at },
  };
}

/**
 * One set per Service: the EndpointSlices of a Service merged into one; a Service's Endpoints
 * object only when it has no slice (the control plane mirrors one into the other).
 */
export function mergeEndpointSets(sets: readonly EndpointSet[]): EndpointSet[] {
  const out = new Map<string, EndpointSet>();
  for (const s of sets) {
    if (s.from !== 'EndpointSlice') continue;
    const key = `${s.namespace}/${s.service}`;
    const prev = out.get(key);
    out.set(key, prev ? { ...prev, groups: [...prev.groups, ...s.groups] } : s);
  }
  for (const s of sets) {
    const key = `${s.namespace}/${s.service}`;
    if (s.from === 'Endpoints' && !out.has(key)) out.set(key, s);
  }
  return [...out.values()];
}

function address(d: Decoder, value: unknown, path: FieldPath): ReturnType<typeof parseIp> {
  const text = d.string(value, path);
  if (text === undefined) return null;
  const ip = parseIp(text);
  if (!ip)
    d.error(
      'ip',
      path,
      t(
        `${pathText(path)}: invalid IP address ${JSON.stringify(text)}`,
        `${pathText(path)}: 잘못된 IP 주소 ${JSON.stringify(text)}`,
      ),
    );
  return ip;
}

function podRef(d: Decoder, value: unknown, path: FieldPath, namespace: string): string | undefined {
  const ref = d.map(value, path);
  if (!ref || ref.kind !== 'Pod' || typeof ref.name !== 'string') return undefined;
  return `${typeof ref.namespace === 'string' ? ref.namespace : namespace}/${ref.name}`;
}

function ports(d: Decoder, value: unknown, path: FieldPath): EndpointPort[] {
  const out: EndpointPort[] = [];
  (d.list(value, path) ?? []).forEach((raw, i) => {
    const p = [...path, i];
    const e = d.map(raw, p) ?? {};
    const port = d.int(e.port, [...p, 'port'], 1, 65535);
    if (port === undefined) return;
    const name = d.string(e.name, [...p, 'name']);
    out.push({
      port,
      protocol: d.protocol(e.protocol, [...p, 'protocol']),
      ...(name !== undefined && name !== '' ? { name } : {}),
    });
  });
  return out;
}
