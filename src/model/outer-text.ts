// An encapsulated packet's outer header as one line (`192.168.1.11 → 192.168.1.12 UDP 8472 VNI 1`,
// or `… IPIP` for calico's tunl0). Free of imports, so the page can word hops without the trace code.
export interface OuterLine {
  readonly src: string;
  readonly dst: string;
  readonly protocol: 'UDP' | 'IPIP';
  readonly dstPort?: number;
  readonly vni?: number;
}

export const outerText = (o: OuterLine): string =>
  `${o.src} → ${o.dst} ${o.protocol === 'IPIP' ? 'IPIP' : `UDP ${o.dstPort}`}${o.vni !== undefined ? ` VNI ${o.vni}` : ''}`;
