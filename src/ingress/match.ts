// Which Ingress rule a request matches, as the networking.k8s.io/v1 API defines it and an
// ingress-nginx-style controller applies it: every Ingress of the controller's class merged, hosts
// exact first, then wildcards (`*.example.com`: exactly one more label), then rules without a host;
// within a host the longest matching path wins, Exact before Prefix on a tie. Prefix matches
// element-wise on "/"; ImplementationSpecific is up to the controller (ingress-nginx: a prefix of
// characters). No match: the defaultBackend, else the controller's own 404.
import { t, type LocalText } from '../lib/text';

export type PathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';
export const PATH_TYPES: readonly PathType[] = ['Exact', 'Prefix', 'ImplementationSpecific'];

export interface IngressBackendRef {
  readonly service: string;
  /** A Service port number, or a Service port's name. */
  readonly port: number | string;
}

export interface IngressPath {
  readonly path: string;
  readonly pathType: PathType;
  readonly backend: IngressBackendRef;
}

export interface IngressRule {
  /** Absent: every host. */
  readonly host?: string;
  readonly paths: readonly IngressPath[];
}

export interface IngressTls {
  readonly hosts: readonly string[];
  readonly secretName?: string;
}

export interface IngressSpec {
  readonly namespace: string;
  readonly name: string;
  readonly ingressClassName?: string;
  readonly defaultBackend?: IngressBackendRef;
  readonly tls: readonly IngressTls[];
  readonly rules: readonly IngressRule[];
}

export interface IngressMatch {
  /** `namespace/name` of the Ingress whose rule (or defaultBackend) matched. */
  readonly ingress: string;
  readonly namespace: string;
  readonly backend: IngressBackendRef;
  readonly host?: string;
  readonly path?: string;
  readonly pathType?: PathType;
  /** `rule` (host and path), `default-backend` (an Ingress's spec.defaultBackend). */
  readonly by: 'rule' | 'default-backend';
  /** The TLS entry that terminates this host, when the request is https. */
  readonly tls?: IngressTls;
  readonly text: LocalText;
}

export type IngressOutcome =
  | { readonly kind: 'matched'; readonly match: IngressMatch }
  | { readonly kind: 'not-found'; readonly text: LocalText };

/** Whether `host` (lower case, no port) matches a rule's host, exact or `*.`-wildcard. */
export function hostMatches(ruleHost: string | undefined, host: string): boolean {
  if (ruleHost === undefined) return true;
  const rule = ruleHost.toLowerCase();
  if (!rule.startsWith('*.')) return rule === host;
  const suffix = rule.slice(1); // ".example.com"
  if (!host.endsWith(suffix)) return false;
  const first = host.slice(0, -suffix.length);
  return first.length > 0 && !first.includes('.');
}

/** Whether a request path matches one Ingress path of its type. */
export function pathMatches(p: Pick<IngressPath, 'path' | 'pathType'>, requestPath: string): boolean {
  if (p.pathType === 'Exact') return requestPath === p.path;
  if (p.pathType === 'ImplementationSpecific') return requestPath.startsWith(p.path);
  // Prefix: element-wise; a trailing "/" on either side is ignored; "/" matches every path.
  const want = elements(p.path);
  const have = elements(requestPath);
  return want.length <= have.length && want.every((e, i) => e === have[i]);
}

const elements = (path: string): string[] => path.split('/').filter((e) => e !== '');

/**
 * The rule an ingress controller picks for `host` and `path` among `ingresses` (those of its
 * class, in scenario order: on an equal host and path the first one wins, as the oldest does in
 * ingress-nginx). `https` names the TLS entry that terminates the host.
 */
export function matchIngress(
  ingresses: readonly IngressSpec[],
  hostWithPort: string,
  path: string,
  https = false,
): IngressOutcome {
  const host = hostWithPort.toLowerCase().replace(/:\d+$/, '');
  const tiers: ((r: IngressRule) => boolean)[] = [
    (r) => r.host !== undefined && !r.host.startsWith('*.') && hostMatches(r.host, host),
    (r) => r.host !== undefined && r.host.startsWith('*.') && hostMatches(r.host, host),
    (r) => r.host === undefined,
  ];
  for (const inTier of tiers) {
    let best: { ing: IngressSpec; rule: IngressRule; p: IngressPath } | undefined;
    for (const ing of ingresses)
      for (const rule of ing.rules) {
        if (!inTier(rule)) continue;
        for (const p of rule.paths) {
          if (!pathMatches(p, path)) continue;
          if (!best || better(p, best.p)) best = { ing, rule, p };
        }
      }
    if (best) {
      const { ing, rule, p } = best;
      const tls = https ? tlsFor(ingresses, host) : undefined;
      return {
        kind: 'matched',
        match: {
          ingress: `${ing.namespace}/${ing.name}`,
          namespace: ing.namespace,
          backend: p.backend,
          ...(rule.host !== undefined ? { host: rule.host } : {}),
          path: p.path,
          pathType: p.pathType,
          by: 'rule',
          ...(tls ? { tls } : {}),
          text: ruleText(ing, rule, p),
        },
      };
    }
  }
  const withDefault = ingresses.find((i) => i.defaultBackend !== undefined);
  if (withDefault) {
    const b = withDefault.defaultBackend!;
    const key = `${withDefault.namespace}/${withDefault.name}`;
    return {
      kind: 'matched',
      match: {
        ingress: key,
        namespace: withDefault.namespace,
        backend: b,
        by: 'default-backend',
        text: t(
          `no rule matches ${host}${path}: spec.defaultBackend of Ingress ${key} (Service ${b.service}:${b.port})`,
          `${host}${path}에 맞는 규칙이 없어 Ingress ${key}의 spec.defaultBackend(Service ${b.service}:${b.port})로 보냅니다`,
        ),
      },
    };
  }
  return {
    kind: 'not-found',
    text: t(
      `no Ingress rule matches ${host}${path} and no Ingress has a defaultBackend: the controller answers 404 itself`,
      `${host}${path}에 맞는 Ingress 규칙도 defaultBackend도 없어서, 컨트롤러가 직접 404로 답합니다`,
    ),
  };
}

/** Longer path first; on an equal length, Exact before Prefix before ImplementationSpecific. */
function better(a: IngressPath, b: IngressPath): boolean {
  const la = a.pathType === 'Prefix' ? elements(a.path).join('/').length : a.path.length;
  const lb = b.pathType === 'Prefix' ? elements(b.path).join('/').length : b.path.length;
  if (la !== lb) return la > lb;
  return PATH_TYPES.indexOf(a.pathType) < PATH_TYPES.indexOf(b.pathType);
}

function tlsFor(ingresses: readonly IngressSpec[], host: string): IngressTls | undefined {
  for (const ing of ingresses)
    for (const tls of ing.tls) if (tls.hosts.some((h) => hostMatches(h, host))) return tls;
  return undefined;
}

function ruleText(ing: IngressSpec, rule: IngressRule, p: IngressPath): LocalText {
  const key = `${ing.namespace}/${ing.name}`;
  const host = rule.host ?? '*';
  const b = `${p.backend.service}:${p.backend.port}`;
  const how: LocalText =
    p.pathType === 'Exact'
      ? t('the path exactly', '경로가 정확히 같음')
      : p.pathType === 'Prefix'
        ? t('a prefix, element by element on "/"', '"/"로 나눈 요소 단위 접두사')
        : t(
            'ImplementationSpecific: up to the controller; ingress-nginx compares characters, so /api also matches /apix',
            'ImplementationSpecific: 컨트롤러마다 다릅니다. ingress-nginx는 글자 단위로 비교해서 /api가 /apix에도 맞습니다',
          );
  return t(
    `Ingress ${key}: host ${host}, path ${p.path} (${p.pathType}: ${how.en}) → Service ${b}`,
    `Ingress ${key}: 호스트 ${host}, 경로 ${p.path}(${p.pathType}: ${how.ko}) → Service ${b}`,
  );
}
