// The CNI's IPAM as host-local does it: one range per node (its podCIDR), the gateway (.1) never
// handed out, the network and broadcast addresses neither, the next free address after the last
// one reserved, and DEL putting an address back. Pure; the pods it serves are assign-pod-ips.ts's.
import { cidrSize, ipv4AtOffset, type Cidr, type IpAddress } from '../lib/ip';
import { t, type LocalText } from '../lib/text';

/** The addresses host-local hands out of `cidr`: from .2 to the one before broadcast (IPv4). */
export function usableOffsets(cidr: Cidr): { readonly first: number; readonly last: number } {
  const size = cidrSize(cidr);
  return { first: 2, last: size - 2 };
}

/** The range set as host-local's error prints it: `10.244.1.1-10.244.1.254` (the gateway included). */
export function rangeSetText(cidr: Cidr): string {
  const { last } = usableOffsets(cidr);
  const a = ipv4AtOffset(cidr, 1);
  const b = ipv4AtOffset(cidr, last);
  return a && b && last >= 1 ? `${a.key}-${b.key}` : cidr.canonical;
}

/** Why a pod waits without an address: its node's range is used up. */
export function noFreeAddress(cidr: Cidr, node: string | undefined): LocalText {
  return node
    ? t(
        `no free address in ${cidr.canonical} on ${node}`,
        `${node}의 ${cidr.canonical}에 남은 주소가 없습니다`,
      )
    : t(`no free address in ${cidr.canonical}`, `${cidr.canonical}에 남은 주소가 없습니다`);
}

/** What kubelet reports for such a pod, as a real cluster words it. */
export function sandboxFailure(cidr: Cidr): string {
  return `FailedCreatePodSandBox: plugin type="host-local" failed (add): failed to allocate for range 0: no IP addresses available in range set: ${rangeSetText(cidr)}`;
}

/**
 * host-local's allocator, one store per node (its state lives in that node's /var/lib/cni/networks):
 * `allocate` (ADD) takes the next free address after that node's last reservation, wrapping once;
 * `release` (DEL) frees one. Two nodes given the same range know nothing of each other's pods.
 */
export class HostLocalIpam {
  private readonly reserved = new Map<string, Set<string>>();
  private readonly lastReserved = new Map<string, number>();
  private readonly used: ReadonlySet<string>;

  /** Addresses already in use (status.podIP, node addresses): never handed out on any node. */
  constructor(used: Iterable<string> = []) {
    this.used = new Set(used);
  }

  allocate(cidr: Cidr, node = ''): IpAddress | undefined {
    if (cidr.family !== 4) return undefined;
    const { first, last } = usableOffsets(cidr);
    const count = last - first + 1;
    if (count <= 0) return undefined;
    const store = `${node}|${cidr.canonical}`;
    let mine = this.reserved.get(store);
    if (!mine) this.reserved.set(store, (mine = new Set()));
    const start = this.lastReserved.get(store) ?? first - 1;
    for (let i = 1; i <= count; i++) {
      const offset = first + ((start - first + i + count) % count);
      const ip = ipv4AtOffset(cidr, offset);
      if (!ip || this.used.has(ip.key) || mine.has(ip.key)) continue;
      mine.add(ip.key);
      this.lastReserved.set(store, offset);
      return ip;
    }
    return undefined;
  }

  release(ip: string, node = ''): void {
    for (const [store, mine] of this.reserved) if (store.startsWith(`${node}|`)) mine.delete(ip);
  }
}
