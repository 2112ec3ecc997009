// `ip addr add|del|flush|show`: IPv4 addresses on links, with the kernel's answers for a
// duplicate or a missing address.
import { parsePrefix } from './ipv4';
import { matches } from './ip-link';
import { fail, kernelError, noDevice, notSimulated, ok } from './outcome';
import { printAddresses } from './print';
import { flushRoutesVia } from './routing';
import type { CommandOutcome, Place, World } from './types';
import { findLink, linksIn } from './world';

export function runIpAddr(
  world: World,
  place: Place,
  args: readonly string[],
  brief: boolean,
): CommandOutcome {
  const [sub, ...rest] = args;
  if (sub === undefined || matches(sub, 'show') || matches(sub, 'list') || sub === 'lst')
    return showAddresses(world, place, rest, brief);
  if (matches(sub, 'add')) return changeAddress(world, place, rest, 'add');
  if (matches(sub, 'delete')) return changeAddress(world, place, rest, 'del');
  if (matches(sub, 'flush')) return flushAddresses(world, place, rest);
  return fail(`Command "${sub}" is unknown, try "ip address help".`, 255);
}

function deviceArg(args: readonly string[]): string | undefined | null {
  let dev: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === 'up') continue;
    const n = a === 'dev' ? args[++i] : a;
    if (n === undefined) return null;
    dev = n;
  }
  return dev;
}

function showAddresses(world: World, place: Place, args: readonly string[], brief: boolean): CommandOutcome {
  const dev = deviceArg(args);
  if (dev === null) return fail('Command line is not complete. Try option "help"', 255);
  let links = linksIn(world, place);
  if (args.includes('up')) links = links.filter((l) => l.up);
  if (dev !== undefined) {
    const link = findLink(world, place, dev);
    if (!link) return fail(`Device "${dev}" does not exist.`, 1);
    links = links.filter((l) => l.id === link.id);
  }
  return ok(printAddresses(world, links, brief));
}

function changeAddress(
  world: World,
  place: Place,
  args: readonly string[],
  op: 'add' | 'del',
): CommandOutcome {
  let local: string | undefined;
  let dev: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === 'dev') {
      dev = args[++i];
      if (dev === undefined) return fail('Command line is not complete. Try option "help"', 255);
    } else if (a === 'brd' || a === 'broadcast' || a === 'label' || a === 'scope') i++;
    else if (a === 'local') local = args[++i];
    else if (['peer', 'valid_lft', 'preferred_lft', 'metric', 'noprefixroute'].includes(a))
      return notSimulated(`ip addr ${op} … ${a} is not simulated`);
    else if (local === undefined) local = a;
    else return fail(`Error: either "local" is duplicate, or "${a}" is garbage.`, 255);
  }
  if (local === undefined) return notSimulated(`give an address: ip addr ${op} CIDR dev NAME`);
  if (local.includes(':')) return notSimulated('IPv6 addresses are not simulated; the console is IPv4 only');
  const addr = parsePrefix(local);
  if (!addr) return fail(`Error: any valid prefix is expected rather than "${local}".`, 1);
  if (dev === undefined) return fail('Not enough information: "dev" argument is required.', 1);
  const link = findLink(world, place, dev);
  if (!link) return noDevice(dev);
  const at = link.addrs.findIndex((a) => a.ip === addr.ip && a.prefix === addr.prefix);
  if (op === 'add') {
    if (at >= 0) return kernelError('ipv4: Address already assigned');
    link.addrs.push(addr);
    return ok();
  }
  if (at < 0) return kernelError('ipv4: Address not found');
  link.addrs.splice(at, 1);
  if (link.addrs.length === 0) flushRoutesVia(world, place, link);
  return ok();
}

function flushAddresses(world: World, place: Place, args: readonly string[]): CommandOutcome {
  const dev = deviceArg(args);
  if (dev === null || dev === undefined) return fail('Flush requires arguments.', 1);
  const link = findLink(world, place, dev);
  if (!link) return fail(`Device "${dev}" does not exist.`, 1);
  link.addrs = [];
  flushRoutesVia(world, place, link);
  return ok();
}
