// networking.k8s.io/v1 Ingress and IngressClass: the parts routing depends on (class, rules by
// host and path, defaultBackend, TLS hosts and secret), validated as the API server would.
import { josa } from '../lib/korean';
import { t } from '../lib/text';
import { quote } from '../lib/user-text';
import { isDnsSubdomain, isPortName, pathText, type Decoder, type Dict } from './decoder';
import type { FieldPath } from './source';
import type { IngressBackendRef, IngressClassSpec, IngressObject, IngressPathType } from './types';

const PATH_TYPES: readonly IngressPathType[] = ['Exact', 'Prefix', 'ImplementationSpecific'];
/** The annotation that makes an IngressClass the default for Ingresses without a class. */
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
/** The class annotation older Ingresses use instead of spec.ingressClassName (deprecated). */
export const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

export function decodeIngress(d: Decoder, obj: Dict, name: string, namespace: string): IngressObject {
  const meta = (obj.metadata ?? {}) as Dict;
  const annotations = (d.map(meta.annotations, ['metadata', 'annotations']) ?? {}) as Dict;
  const spec = d.map(obj.spec, ['spec']) ?? {};
  const className =
    d.string(spec.ingressClassName, ['spec', 'ingressClassName']) ??
    (typeof annotations[CLASS_ANNOTATION] === 'string'
      ? (annotations[CLASS_ANNOTATION] as string)
      : undefined);
  const defaultBackend =
    spec.defaultBackend !== undefined
      ? backend(d, spec.defaultBackend, ['spec', 'defaultBackend'])
      : undefined;
  const tls = (d.list(spec.tls, ['spec', 'tls']) ?? []).map((raw, i) => {
    const entry = d.map(raw, ['spec', 'tls', i]) ?? {};
    const hosts = (d.list(entry.hosts, ['spec', 'tls', i, 'hosts']) ?? []).flatMap((h, j) => {
      const host = d.string(h, ['spec', 'tls', i, 'hosts', j]);
      return host !== undefined ? [host.toLowerCase()] : [];
    });
    const secretName = d.string(entry.secretName, ['spec', 'tls', i, 'secretName']);
    return { hosts, ...(secretName !== undefined ? { secretName } : {}) };
  });
  const rules = (d.list(spec.rules, ['spec', 'rules']) ?? []).map((raw, i) => {
    const at: FieldPath = ['spec', 'rules', i];
    const rule = d.map(raw, at) ?? {};
    const host = d.string(rule.host, [...at, 'host']);
    if (host !== undefined) checkHost(d, host, [...at, 'host']);
    const http = d.map(rule.http, [...at, 'http']) ?? {};
    const paths = (d.list(http.paths, [...at, 'http', 'paths']) ?? []).flatMap((rawPath, j) => {
      const pAt: FieldPath = [...at, 'http', 'paths', j];
      const p = d.map(rawPath, pAt) ?? {};
      const path = d.string(p.path, [...pAt, 'path']) ?? '/';
      const typeText = d.string(p.pathType, [...pAt, 'pathType']);
      if (typeText === undefined || !(PATH_TYPES as readonly string[]).includes(typeText)) {
        d.error(
          'path-type',
          typeText === undefined ? pAt : [...pAt, 'pathType'],
          t(
            `${pathText([...pAt, 'pathType'])}: required, one of Exact, Prefix, ImplementationSpecific`,
            `${pathText([...pAt, 'pathType'])}: 필수이며 Exact, Prefix, ImplementationSpecific 중 하나입니다`,
          ),
        );
        return [];
      }
      if (!path.startsWith('/') && typeText !== 'ImplementationSpecific')
        d.error(
          'path',
          [...pAt, 'path'],
          t(
            `${pathText([...pAt, 'path'])}: ${quote(path)} must be an absolute path (start with "/")`,
            `${pathText([...pAt, 'path'])}: ${josa(quote(path), '은/는')} "/"로 시작하는 절대 경로여야 합니다`,
          ),
        );
      const b = backend(d, p.backend, [...pAt, 'backend']);
      return b ? [{ path, pathType: typeText as IngressPathType, backend: b }] : [];
    });
    return { ...(host !== undefined ? { host: host.toLowerCase() } : {}), paths };
  });
  return {
    namespace,
    name,
    ...(className !== undefined ? { ingressClassName: className } : {}),
    ...(defaultBackend ? { defaultBackend } : {}),
    tls,
    rules,
    source: { file: d.file, at: d.raw.at },
  };
}

export function decodeIngressClass(d: Decoder, obj: Dict, name: string): IngressClassSpec {
  const meta = (obj.metadata ?? {}) as Dict;
  const annotations = (d.map(meta.annotations, ['metadata', 'annotations']) ?? {}) as Dict;
  const spec = d.map(obj.spec, ['spec']) ?? {};
  const controller = d.string(spec.controller, ['spec', 'controller']) ?? '';
  return {
    name,
    controller,
    isDefault: annotations[DEFAULT_CLASS_ANNOTATION] === 'true',
    source: { file: d.file, at: d.raw.at },
  };
}

/** `{service: {name, port: {number | name}}}`; a `resource` backend is read as none (said so). */
function backend(d: Decoder, raw: unknown, at: FieldPath): IngressBackendRef | undefined {
  const b = d.map(raw, at);
  if (!b) return undefined;
  const svc = d.map(b.service, [...at, 'service']);
  if (!svc) {
    d.report(
      'warning',
      'ingress-backend',
      at,
      t(
        `${pathText(at)}: only service backends are traced (a resource backend is not)`,
        `${pathText(at)}: service 백엔드만 따라갑니다(resource 백엔드는 따라가지 않습니다)`,
      ),
    );
    return undefined;
  }
  const service = d.string(svc.name, [...at, 'service', 'name']);
  const port = d.map(svc.port, [...at, 'service', 'port']) ?? {};
  const number =
    port.number !== undefined
      ? d.int(port.number, [...at, 'service', 'port', 'number'], 1, 65535)
      : undefined;
  const portName = d.string(port.name, [...at, 'service', 'port', 'name']);
  if (portName !== undefined && !isPortName(portName))
    d.error(
      'port-name',
      [...at, 'service', 'port', 'name'],
      t(`invalid port name ${quote(portName)}`, `잘못된 포트 이름 ${quote(portName)}`),
    );
  if (service === undefined || (number === undefined && portName === undefined)) {
    d.error(
      'required',
      [...at, 'service'],
      t(
        `${pathText([...at, 'service'])}: needs name and port (number or name)`,
        `${pathText([...at, 'service'])}: name과 port(number 또는 name)가 필요합니다`,
      ),
    );
    return undefined;
  }
  return { service, port: number ?? portName! };
}

/** A rule's host: a DNS name, optionally `*.` and a name; no IP, no port. */
function checkHost(d: Decoder, host: string, at: FieldPath): void {
  const bare = host.startsWith('*.') ? host.slice(2) : host;
  if (isDnsSubdomain(bare.toLowerCase()) && !/^\d+(\.\d+){3}$/.test(bare)) return;
  d.error(
    'host',
    at,
    t(
      `${pathText(at)}: ${quote(host)} must be a DNS name, optionally with a leading "*." (no IP address, no port)`,
      `${pathText(at)}: ${josa(quote(host), '은/는')} DNS 이름이어야 합니다. 앞에 "*."는 쓸 수 있지만 IP 주소나 포트는 안 됩니다`,
    ),
  );
}
