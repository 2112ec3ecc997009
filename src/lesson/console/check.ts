// Judging a console lesson: replay the learner's scripts on the simulator, then ask the world —
// reachability between every named namespace, links, routes, listeners, and the learner's CNI
// plugin run on pods only the checker knows. Words for each failure in English and Korean.
import { type LocalText } from '../../lib/text';
import {
  findLink,
  findNamespace,
  linkById,
  linksIn,
  routeTable,
  runNc,
  runPing,
  runSession,
  scriptCommands,
  ROOT_NS,
  type Place,
  type SessionCommand,
  type World,
} from '../../netns';
import type { ConsoleCheck, ConsoleCheckResult, ConsoleLesson, HostScripts, PlaceRef } from './types';

const t = (en: string, ko: string): LocalText => ({ en, ko });

/** The learner's scripts as one session, hosts in the lesson's order (as `netlab shell` runs them). */
export function sessionOf(lesson: ConsoleLesson, scripts: HostScripts): SessionCommand[] {
  return lesson.hosts.flatMap((h) => scriptCommands(h, scripts[h] ?? ''));
}

export function resolvePlace(lesson: ConsoleLesson, ref: PlaceRef): Place {
  if (ref.includes(':')) {
    const [host, ns] = ref.split(':', 2) as [string, string];
    return { host, ns };
  }
  if (lesson.hosts.includes(ref)) return { host: ref, ns: ROOT_NS };
  return { host: lesson.hosts[0]!, ns: ref };
}

function placeText(p: Place): LocalText {
  return p.ns === ROOT_NS
    ? t(`host ${p.host}`, `${p.host} 호스트`)
    : t(`namespace ${p.ns}`, `${p.ns} 네임스페이스`);
}

/** Addresses other places ping: every IPv4 address on the place's links but lo. */
function addressesOf(world: World, p: Place): string[] {
  return linksIn(world, p).flatMap((l) => (l.kind === 'loopback' ? [] : l.addrs.map((a) => a.ip)));
}

/** Why `from` cannot ping `to`, or undefined when every packet gets a reply. */
function pingFails(world: World, from: Place, to: string): LocalText | undefined {
  const pt = placeText(from);
  if (!findNamespace(world, from)) return t(`${pt.en} does not exist`, `${pt.ko}가 없습니다`);
  const r = runPing(world, from, ['-c', '1', to]);
  if (r.exit === 0) return undefined;
  const why = r.ping?.reason ?? t(r.output.trim(), r.output.trim());
  return t(`${pt.en} cannot ping ${to}: ${why.en}`, `${pt.ko}에서 ${to}에 ping이 닿지 않습니다. ${why.ko}`);
}

export function checkConsoleLesson(lesson: ConsoleLesson, scripts: HostScripts): ConsoleCheckResult[] {
  const commands = sessionOf(lesson, scripts);
  const { world } = runSession(lesson.hosts, commands);
  return lesson.checks.map((c) => {
    const failure = judge(lesson, world, commands, c);
    return {
      id: c.id,
      check: c.check,
      passed: failure === undefined,
      message: failure ?? t('done', '통과'),
    };
  });
}

export function isConsoleSolved(results: readonly ConsoleCheckResult[]): boolean {
  return results.every((r) => r.passed);
}

function judge(
  lesson: ConsoleLesson,
  world: World,
  commands: SessionCommand[],
  c: ConsoleCheck,
): LocalText | undefined {
  const place = (ref: PlaceRef) => resolvePlace(lesson, ref);
  switch (c.check) {
    case 'reach': {
      const places = c.among.map(place);
      for (const from of places) {
        for (const to of places) {
          if (to === from) continue;
          const addrs = findNamespace(world, to) ? addressesOf(world, to) : [];
          if (addrs.length === 0) {
            const tt = placeText(to);
            return t(`${tt.en} has no address to reach`, `${tt.ko}에 닿을 주소가 없습니다`);
          }
          for (const a of addrs) {
            const why = pingFails(world, from, a);
            if (why) return why;
          }
        }
        for (const target of c.targets) {
          const why = pingFails(world, from, target);
          if (why) return why;
        }
      }
      return undefined;
    }
    case 'ping': {
      const from = place(c.from);
      const why = pingFails(world, from, c.to);
      if (c.reply) return why;
      if (why) return undefined;
      const ft = placeText(from);
      return t(
        `${ft.en} should not reach ${c.to}, but it does`,
        `${ft.ko}에서 ${c.to}에 닿으면 안 되는데 닿습니다`,
      );
    }
    case 'link': {
      const p = place(c.at);
      const pt = placeText(p);
      const link = findNamespace(world, p) ? findLink(world, p, c.name) : undefined;
      if (!link) return t(`${pt.en} has no link ${c.name}`, `${pt.ko}에 ${c.name} 링크가 없습니다`);
      if (c.kind && link.kind !== c.kind)
        return t(
          `${c.name} is a ${link.kind}, not a ${c.kind}`,
          `${c.name} 링크의 종류는 ${link.kind}입니다(필요한 종류: ${c.kind})`,
        );
      if (c.up !== undefined && link.up !== c.up)
        return t(
          `${c.name} in ${pt.en} is ${link.up ? 'up' : 'down'}`,
          `${pt.ko}의 ${c.name} 링크가 ${link.up ? 'up' : 'down'} 상태입니다`,
        );
      if (c.master !== undefined) {
        const m = link.master !== undefined ? linkById(world, link.master).name : undefined;
        if (m !== c.master)
          return t(
            `${c.name} is not a port of ${c.master}`,
            `${c.name} 링크가 ${c.master} 브리지의 포트가 아닙니다`,
          );
      }
      for (const a of c.addresses)
        if (!link.addrs.some((x) => `${x.ip}/${x.prefix}` === a))
          return t(`${c.name} in ${pt.en} does not have ${a}`, `${pt.ko}의 ${c.name}에 ${a} 주소가 없습니다`);
      return undefined;
    }
    case 'namespaces': {
      const names = world.namespaces
        .filter((n) => n.host === c.host && n.name !== ROOT_NS)
        .map((n) => n.name);
      const lacking = c.include.find((n) => !names.includes(n));
      if (lacking)
        return t(`${c.host} has no namespace ${lacking}`, `${c.host}에 ${lacking} 네임스페이스가 없습니다`);
      const extra = c.exactly ? names.find((n) => !c.include.includes(n)) : undefined;
      if (extra)
        return t(
          `${c.host} should have only ${c.include.join(', ')}, but it also has ${extra}`,
          `${c.host}에는 ${c.include.join(', ')}만 있어야 하는데 ${extra}도 있습니다`,
        );
      return undefined;
    }
    case 'wired': {
      const bridge = findLink(world, { host: c.host, ns: ROOT_NS }, c.bridge);
      if (bridge?.kind !== 'bridge')
        return t(`${c.host} has no bridge ${c.bridge}`, `${c.host}에 ${c.bridge} 브리지가 없습니다`);
      for (const ref of c.namespaces) {
        const p = place(ref);
        const ok =
          findNamespace(world, p) &&
          linksIn(world, p).some((l) => l.peer !== undefined && linkById(world, l.peer).master === bridge.id);
        if (!ok) {
          const pt = placeText(p);
          return t(
            `${pt.en} has no veth cable to ${c.bridge}`,
            `${pt.ko}에서 ${c.bridge} 브리지로 이어진 veth 케이블이 없습니다`,
          );
        }
      }
      return undefined;
    }
    case 'routes': {
      const p = place(c.at);
      const pt = placeText(p);
      if (!findNamespace(world, p)) return t(`${pt.en} does not exist`, `${pt.ko}가 없습니다`);
      const routes = routeTable(world, p);
      const host = routes.find((r) => r.proto === 'boot' && r.dst.prefix === 32);
      if (c.noHostRoutes && host)
        return t(
          `${pt.en} has a route for one address (${host.dst.ip}): one route per pod does not scale, route the node's whole pod network instead`,
          `${pt.ko}에 주소 하나짜리 경로(${host.dst.ip})가 있습니다. 파드마다 경로를 두면 규모가 커질 때 감당할 수 없으니, 노드의 파드 네트워크 전체를 경로로 잡으세요`,
        );
      for (const w of c.without) {
        const hit = routes.find((r) => `${r.dst.ip}/${r.dst.prefix}` === w);
        if (hit)
          return t(`${pt.en} must not have a route to ${w}`, `${pt.ko}에 ${w} 경로가 있으면 안 됩니다`);
      }
      return undefined;
    }
    case 'connect': {
      const from = place(c.from);
      const ft = placeText(from);
      if (!findNamespace(world, from)) return t(`${ft.en} does not exist`, `${ft.ko}가 없습니다`);
      const open = runNc(world, from, ['-z', '-v', c.to, String(c.port)]).exit === 0;
      if (open === c.open) return undefined;
      return c.open
        ? t(
            `${ft.en} cannot connect to ${c.to} port ${c.port}`,
            `${ft.ko}에서 ${c.to}의 ${c.port} 포트에 연결되지 않습니다`,
          )
        : t(
            `${ft.en} should not connect to ${c.to} port ${c.port}`,
            `${ft.ko}에서 ${c.to}의 ${c.port} 포트에 연결되면 안 됩니다`,
          );
    }
    case 'cni-plugin':
      return judgePlugin(lesson, commands, c);
  }
}

/**
 * Runs ADD for pods with names no script can guess, checks they reach each other and the
 * targets, then DEL for the first one: its namespace keeps only lo, the host keeps no link
 * for it, and the other pods still work.
 */
function judgePlugin(
  lesson: ConsoleLesson,
  commands: SessionCommand[],
  c: Extract<ConsoleCheck, { check: 'cni-plugin' }>,
): LocalText | undefined {
  const pods = c.podIps.map((ip, i) => ({ ns: `chk${i + 1}x`, id: `c${i + 1}q`, ip }));
  const extra: SessionCommand[] = [];
  let line = 10_000;
  const add = (text: string) => extra.push({ host: c.host, line: line++, text });
  for (const p of pods) {
    add(`ip netns add ${p.ns}`);
    add(
      `CNI_COMMAND=ADD CNI_CONTAINERID=${p.id} CNI_NETNS=${p.ns} CNI_IFNAME=eth0 POD_IP=${p.ip} sh ${c.file}`,
    );
  }
  const added = runSession(lesson.hosts, [...commands, ...extra]);
  for (const r of added.results.slice(commands.length))
    if (r.exit !== 0)
      return t(
        `"${r.command}" failed: ${r.output.trim()}`,
        `"${r.command}" 명령이 실패했습니다: ${r.output.trim()}`,
      );
  const world = added.world;
  for (const from of pods) {
    const place = { host: c.host, ns: from.ns };
    const eth0 = findLink(world, place, 'eth0');
    if (!eth0?.addrs.some((a) => `${a.ip}/${a.prefix}` === from.ip))
      return t(
        `after ADD, the pod's eth0 should have POD_IP ${from.ip}`,
        `ADD 뒤에는 파드의 eth0에 POD_IP로 받은 주소(${from.ip})가 있어야 합니다`,
      );
    for (const to of [...pods.filter((p) => p !== from).map((p) => p.ip.split('/')[0]!), ...c.targets]) {
      const why = pingFails(world, place, to);
      if (why) return t(`after ADD: ${why.en}`, `ADD 뒤: ${why.ko}`);
    }
  }
  const before = linksIn(runSession(lesson.hosts, commands).world, { host: c.host, ns: ROOT_NS }).length;
  const [gone, ...rest] = pods as [(typeof pods)[0], ...typeof pods];
  extra.push({
    host: c.host,
    line: line++,
    text: `CNI_COMMAND=DEL CNI_CONTAINERID=${gone.id} CNI_NETNS=${gone.ns} CNI_IFNAME=eth0 sh ${c.file}`,
  });
  const deleted = runSession(lesson.hosts, [...commands, ...extra]);
  const del = deleted.results[deleted.results.length - 1]!;
  if (del.exit !== 0)
    return t(`DEL failed: ${del.output.trim()}`, `DEL이 실패했습니다: ${del.output.trim()}`);
  const left = linksIn(deleted.world, { host: c.host, ns: gone.ns }).filter((l) => l.kind !== 'loopback');
  if (left.length > 0)
    return t(
      `after DEL, the pod still has ${left.map((l) => l.name).join(', ')}`,
      `DEL 뒤에도 파드에 ${left.map((l) => l.name).join(', ')} 링크가 남아 있습니다`,
    );
  const hostLinks = linksIn(deleted.world, { host: c.host, ns: ROOT_NS }).length;
  if (hostLinks !== before + rest.length)
    return t(
      'after DEL, the host still has a link of the deleted pod',
      'DEL 뒤에도 호스트에 지운 파드의 링크가 남아 있습니다',
    );
  for (const p of rest)
    for (const to of c.targets) {
      const why = pingFails(deleted.world, { host: c.host, ns: p.ns }, to);
      if (why) return t(`after deleting one pod: ${why.en}`, `파드 하나를 지운 뒤: ${why.ko}`);
    }
  return undefined;
}
