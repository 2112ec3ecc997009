// lesson.yaml's `packet` check → a PacketCheck: the packet (from, to, port, as `netlab trace` takes
// them) and what must be true of its journey. Names are checked against the solution later.
import { t } from '../lib/text';
import { quote } from '../lib/user-text';
import type { FieldPath } from '../k8s/source';
import type { FlowPort } from '../engine/match';
import type { Dict } from './field-reader';
import type { CheckContext } from './check-context';
import { parsePort } from './refs';
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
] as const;

/** What a packet check must say at least one of. */
const EXPECTATIONS = ['verdict', 'policy', 'crosses', 'avoids', 'encapsulation', 'dnatTo'] as const;

export function decodePacketCheck(
  ctx: CheckContext,
  m: Dict,
  path: FieldPath,
  base: Omit<PacketCheck, 'check' | 'from' | 'to' | 'port' | 'crosses' | 'avoids'>,
  scenarios: () => readonly ScenarioFile[],
): Check | undefined {
  const { r } = ctx;
  const ok = [r.need(m, 'from', path), r.need(m, 'to', path), r.need(m, 'port', path)].every(Boolean);
  const end = (key: 'from' | 'to'): string | undefined => {
    const s = r.string(m[key], [...path, key]);
    if (s !== undefined) ctx.refs.push({ kind: 'trace-end', ref: s, path: [...path, key], scenarios });
    return s;
  };
  const from = end('from');
  const to = end('to');
  const port = readPort(ctx, m.port, [...path, 'port']);
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
