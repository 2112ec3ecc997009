// lesson.yaml's `packet` check → a PacketCheck: the packet (from, to, port, as `netlab trace` takes
// them: a DNS name or an http(s) URL too) and what must be true of its journey. Names are checked
// against the solution later.
import { isDnsName } from '../model/trace-name';
import { parseUrl, type ParsedUrl } from '../model/trace-url';
import { josa } from '../lib/korean';
import { t } from '../lib/text';
import { quote } from '../lib/user-text';
import type { FieldPath } from '../k8s/source';
import type { FlowPort } from '../engine/match';
import type { Dict } from './field-reader';
import type { CheckContext } from './check-context';
import { parsePort, portText } from './refs';
import type { Check, DeviceRef, PacketCheck, ScenarioFile } from './types';

/** The fields a packet check may write besides the common ones. */
export const PACKET_FIELDS = [
  'from',
  'to',
  'port',
  'verdict',
  'policy',
  'crosses',
  'avoids',
  'encapsulation',
  'dnatTo',
  'stoppedAt',
  'resolvedAs',
  'backend',
] as const;

/** What a packet check must say at least one of. */
const EXPECTATIONS = PACKET_FIELDS.filter((f) => f !== 'from' && f !== 'to' && f !== 'port');

export function decodePacketCheck(
  ctx: CheckContext,
  m: Dict,
  path: FieldPath,
  base: Omit<PacketCheck, 'check' | 'from' | 'to' | 'port' | 'crosses' | 'avoids'>,
  scenarios: () => readonly ScenarioFile[],
): Check | undefined {
  const { r } = ctx;
  const { ok, from, to, port, url } = readPacketEnds(ctx, m, path, scenarios);
  const verdict = oneOf(ctx, m, path, 'verdict', ['delivered', 'dropped']);
  const policy = oneOf(ctx, m, path, 'policy', ['allowed', 'denied']);
  const crosses = devices(ctx, m.crosses, [...path, 'crosses'], scenarios);
  const avoids = devices(ctx, m.avoids, [...path, 'avoids'], scenarios);
  let encapsulation: PacketCheck['encapsulation'];
  if (m.encapsulation !== undefined) {
    encapsulation =
      m.encapsulation === 'none' ? 'none' : readPort(ctx, m.encapsulation, [...path, 'encapsulation']);
  }
  let dnatTo: string | undefined;
  if (m.dnatTo !== undefined) {
    dnatTo = r.string(m.dnatTo, [...path, 'dnatTo']);
    if (dnatTo !== undefined)
      ctx.refs.push({ kind: 'endpoint', ref: dnatTo, path: [...path, 'dnatTo'], scenarios });
  }
  const stoppedAt = oneOf(ctx, m, path, 'stoppedAt', ['dns', 'controller']);
  let resolvedAs: string | undefined;
  if (m.resolvedAs !== undefined) {
    const s = r.string(m.resolvedAs, [...path, 'resolvedAs'])?.trim();
    if (s !== undefined && isDnsName(s)) resolvedAs = s.replace(/\.$/, '').toLowerCase();
    else if (s !== undefined)
      r.error(
        'packet',
        [...path, 'resolvedAs'],
        t(
          `${quote(s)} is not a DNS name: write the name that answered, e.g. db.data.svc.cluster.local`,
          `${quote(s)}: DNS 이름이 아닙니다. 응답한 이름을 db.data.svc.cluster.local처럼 쓰세요`,
        ),
      );
  }
  let backend: string | undefined;
  if (m.backend !== undefined) {
    const s = r.string(m.backend, [...path, 'backend'])?.trim();
    if (s !== undefined && /^svc:[^/\s]+\/[^/\s]+$/.test(s)) {
      backend = s;
      ctx.refs.push({ kind: 'trace-end', ref: s, path: [...path, 'backend'], scenarios });
    } else if (s !== undefined)
      r.error(
        'packet',
        [...path, 'backend'],
        t(
          `${quote(s)} is not a Service: write the backend the ingress controller must choose as svc:namespace/name`,
          `${quote(s)}: Service가 아닙니다. 인그레스 컨트롤러가 골라야 할 백엔드를 svc:namespace/name으로 쓰세요`,
        ),
      );
  }
  if ((stoppedAt === 'controller' || backend !== undefined) && to !== undefined && !url)
    r.error(
      'packet',
      [...path, stoppedAt === 'controller' ? 'stoppedAt' : 'backend'],
      t(
        'only a request sent to an http(s):// URL goes through the ingress controller: write `to` as a URL',
        'http(s):// URL로 보낸 요청만 인그레스 컨트롤러를 지납니다. `to`를 URL로 쓰세요',
      ),
    );
  if (!EXPECTATIONS.some((k) => m[k] !== undefined)) {
    r.error(
      'packet',
      path,
      t(
        `say what must be true of the packet: ${EXPECTATIONS.join(', ')}`,
        `패킷에 대해 무엇이 참이어야 하는지 쓰세요: ${EXPECTATIONS.join(', ')}`,
      ),
    );
    return undefined;
  }
  if (!ok || from === undefined || to === undefined || !port) return undefined;
  return {
    ...base,
    check: 'packet',
    from,
    to,
    port,
    crosses,
    avoids,
    ...(verdict ? { verdict } : {}),
    ...(policy ? { policy } : {}),
    ...(encapsulation ? { encapsulation } : {}),
    ...(dnatTo !== undefined ? { dnatTo } : {}),
    ...(stoppedAt ? { stoppedAt } : {}),
    ...(resolvedAs !== undefined ? { resolvedAs } : {}),
    ...(backend !== undefined ? { backend } : {}),
  };
}

/**
 * A packet's ends and port, as the trace takes them (a step's `packet` and the packet check): `to`
 * may be a DNS name or an http(s) URL, whose port is the URL's. Queues the names for checking.
 */
export function readPacketEnds(
  ctx: CheckContext,
  m: Dict,
  path: FieldPath,
  scenarios: () => readonly ScenarioFile[],
): { ok: boolean; from?: string; to?: string; port?: FlowPort; url: ParsedUrl | null | undefined } {
  const { r } = ctx;
  const toText = typeof m.to === 'string' ? m.to.trim() : undefined;
  const url = toText !== undefined && /^https?:\/\//i.test(toText) ? parseUrl(toText) : undefined;
  if (toText !== undefined && url === null)
    r.error(
      'packet',
      [...path, 'to'],
      t(
        `${quote(toText)} is not a URL netlab can send: write http(s)://host[:port][/path]`,
        `${quote(toText)}: netlab이 보낼 수 있는 URL이 아닙니다. http(s)://host[:port][/path]로 쓰세요`,
      ),
    );
  // A URL carries its port; `port` may then be left out, but must agree when written.
  const ok = [
    r.need(m, 'from', path),
    r.need(m, 'to', path),
    url !== undefined || r.need(m, 'port', path),
  ].every(Boolean);
  const from = r.string(m.from, [...path, 'from']);
  if (from !== undefined) ctx.refs.push({ kind: 'trace-end', ref: from, path: [...path, 'from'], scenarios });
  const written = readPort(ctx, m.port, [...path, 'port']);
  const urlPort: FlowPort | undefined = url ? { port: url.port, protocol: 'TCP' } : undefined;
  if (urlPort && written && (written.port !== urlPort.port || written.protocol !== urlPort.protocol))
    r.error(
      'port',
      [...path, 'port'],
      t(
        `the URL's port is ${portText(urlPort)}, not ${portText(written)}: leave port out`,
        `URL의 포트는 ${josa(portText(written), '이/가')} 아니라 ${portText(urlPort)}입니다. port는 빼세요`,
      ),
    );
  const port = urlPort ?? written;
  const to = r.string(m.to, [...path, 'to'])?.trim();
  if (to !== undefined && url !== null)
    ctx.refs.push({
      kind: 'trace-end',
      ref: to,
      path: [...path, 'to'],
      scenarios,
      ...(from !== undefined ? { from } : {}),
      ...(port ? { port } : {}),
    });
  return {
    ok,
    url,
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    ...(port ? { port } : {}),
  };
}

function readPort(ctx: CheckContext, value: unknown, path: FieldPath): FlowPort | undefined {
  if (value === undefined || value === null) return undefined;
  const p = parsePort(value);
  if (!p)
    ctx.r.error(
      'port',
      path,
      t(
        `not a port: ${quote(value)}; write 80, or 8472/UDP (TCP, UDP or SCTP)`,
        `포트가 아닙니다: ${quote(value)}. 80 또는 8472/UDP처럼 쓰세요(TCP, UDP, SCTP)`,
      ),
    );
  return p;
}

function oneOf<T extends string>(
  ctx: CheckContext,
  m: Dict,
  path: FieldPath,
  key: string,
  values: readonly T[],
): T | undefined {
  if (m[key] === undefined) return undefined;
  const s = ctx.r.string(m[key], [...path, key]);
  if (s === undefined) return undefined;
  if ((values as readonly string[]).includes(s)) return s as T;
  ctx.r.error(
    'packet',
    [...path, key],
    t(`${key} is ${values.join(' or ')}`, `${key}에는 ${values.join(', ')} 중 하나를 씁니다`),
  );
  return undefined;
}

/** `[flannel.1, node02/cni0]`: a device name, on any node or on the node before the slash. */
function devices(
  ctx: CheckContext,
  value: unknown,
  path: FieldPath,
  scenarios: () => readonly ScenarioFile[],
): DeviceRef[] {
  if (value === undefined) return [];
  return (ctx.r.list(value, path) ?? []).flatMap((v, i): DeviceRef[] => {
    const s = ctx.r.string(v, [...path, i])?.trim();
    if (s === undefined) return [];
    const slash = s.indexOf('/');
    if (s === '' || slash === 0 || slash === s.length - 1) {
      ctx.r.error(
        'device',
        [...path, i],
        t(
          `${quote(s)} is not a device: write its name (flannel.1), or node/name (node02/flannel.1)`,
          `${quote(s)}: 장치가 아닙니다. 이름(flannel.1)이나 노드/이름(node02/flannel.1)으로 쓰세요`,
        ),
      );
      return [];
    }
    if (slash < 0) return [{ name: s }];
    const node = s.slice(0, slash);
    ctx.refs.push({ kind: 'node', ref: node, path: [...path, i], scenarios });
    return [{ node, name: s.slice(slash + 1) }];
  });
}
