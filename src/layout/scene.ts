// The positioned scene layoutTopology returns, and the sizes it uses (exported so the view draws
// pod cards, pills and ports at the same sizes). Coordinates are SVG user units, y down.

export const MARGIN = 16;
export const CLUSTER_PAD = 24;
export const CLUSTER_HEADER_H = 32;
/** Pod card size. */
export const POD_W = 168;
export const POD_H = 64;
/** Horizontal room between a column's bridge rail and its pod cards: the veth link. */
export const VETH_LEN = 88;
/** Where a column's bridge rail sits inside its cell, and how thick it is. */
export const RAIL_INSET = 10;
export const RAIL_W = 6;
/** Gap right of each pod card; Service and hostNetwork links run down its middle. */
export const COL_GAP = 24;
export const ROW_GAP = 16;
/** One grid cell: rail + veth + card + gutter. */
export const CELL_W = VETH_LEN + POD_W + COL_GAP;
/** Pod columns per node, unless LayoutOptions.podColumns says otherwise. */
export const POD_COLUMNS = 2;
export const NODE_PAD = 16;
export const NODE_HEADER_H = 56;
/** Gap between the node header and its bridge; hostNetwork links run along it to eth0. */
export const HOST_LANE_H = 20;
export const BRIDGE_H = 24;
export const BRIDGE_GAP = 20;
export const ETH0_W = 64;
export const ETH0_H = 20;
export const NODE_GAP = 32;
/** The node network bar and the gap below it (eth0 ports stick up into the gap). */
export const NODE_NET_H = 14;
export const NODE_NET_GAP = 36;
/** Wide enough for `10.96.100.200 80→http · 30080` in 11 px monospace inside the pill's round ends. */
export const SERVICE_W = 208;
export const SERVICE_H = 40;
export const SERVICE_GAP = 16;
/** Service links leave the Services row on one of SERVICE_LANES horizontal lanes. */
export const SERVICE_LANES = 6;
export const SERVICE_LANE_STEP = 6;
export const EXTERNAL_W = 160;
export const EXTERNAL_H = 48;
export const EXTERNAL_GAP = 16;
/** Room between the externals column and the cluster box. */
export const EXTERNAL_MARGIN = 64;

/** Offset of the first pod row from a node box's top. */
export const GRID_TOP = NODE_HEADER_H + HOST_LANE_H + BRIDGE_H + BRIDGE_GAP;

/** Width of a node (or the unscheduled) box with `columns` pod columns. */
export function nodeWidth(columns: number = POD_COLUMNS): number {
  return 2 * NODE_PAD + columns * CELL_W;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export type Point = readonly [number, number];

export interface SceneNode {
  /** `node:<name>` */
  readonly id: string;
  readonly name: string;
  readonly rect: Rect;
  /** Hostname, eth0 IP and podCIDR go here. */
  readonly header: Rect;
  /** The node's uplink, straddling the box's top edge below the node network bar. */
  readonly eth0: Rect;
  /** The area the pod cards occupy (at least one row). */
  readonly grid: Rect;
}

export interface SceneRail {
  /** `rail:<node>:<column>` */
  readonly id: string;
  readonly column: number;
  readonly rect: Rect;
}

export interface SceneBridge {
  /** `bridge:<node>` */
  readonly id: string;
  readonly node: string;
  readonly name: string;
  /** The bar under the node header. */
  readonly rect: Rect;
  /** One rail per column holding bridged pods, from the bar down to its last veth. */
  readonly rails: readonly SceneRail[];
}

export interface ScenePod {
  /** The pod key, `namespace/name`. */
  readonly id: string;
  /** Null for pods in the unscheduled box. */
  readonly node: string | null;
  /** Position in its node's (or the unscheduled) grid, row-major. */
  readonly index: number;
  readonly row: number;
  readonly column: number;
  readonly rect: Rect;
  readonly hostNetwork: boolean;
  /** The implicit CoreDNS (not the scenario's own). */
  readonly implicit?: true;
}

export interface SceneService {
  /** `svc:<namespace>/<name>` */
  readonly id: string;
  readonly key: string;
  /** The implicit kube-dns (not the scenario's own). */
  readonly implicit?: true;
  readonly rect: Rect;
}

export interface SceneExternal {
  /** `ext:<name>` */
  readonly id: string;
  readonly name: string;
  readonly rect: Rect;
}

export type LinkKind =
  /** A pod's veth pair: bridge rail → pod eth0. */
  | 'veth'
  /** Inside a node: its bridge ↔ its eth0 (the host routing table forwards between them). */
  | 'host-route'
  /** A node's eth0 ↔ the node network bar. */
  | 'node-net'
  /** A hostNetwork pod ↔ its node's eth0 (no veth, no bridge). */
  | 'host-network'
  /** A Service pill ⇢ one endpoint pod (dashed). */
  | 'service'
  /** An outside machine ↔ the node network bar. */
  | 'external';

/** A labelled end of a link: the end point, where to put the label and its text-anchor. */
export interface LinkEnd {
  readonly label: string;
  readonly at: Point;
  readonly labelAt: Point;
  readonly anchor: 'start' | 'middle' | 'end';
}

export interface SceneLink {
  /** `<kind>:<…>`, e.g. `veth:prod/web`, `service:prod/web>prod/web`. */
  readonly id: string;
  readonly kind: LinkKind;
  /** Ids of the items it joins (pod keys, `node:…`, `bridge:…`, `svc:…`, `ext:…`, `node-network`). */
  readonly from: string;
  readonly to: string;
  /** A polyline, `from` end first. */
  readonly points: readonly Point[];
  /** veth links: host end (`vethXXXXXXXX`) on the rail, then `eth0` at the pod. */
  readonly ends?: readonly [LinkEnd, LinkEnd];
}

export type BoxKind = 'cluster' | 'services' | 'node-network' | 'unscheduled';

export interface SceneBox {
  readonly id: string;
  readonly kind: BoxKind;
  readonly rect: Rect;
}

export interface Scene {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly SceneNode[];
  readonly pods: readonly ScenePod[];
  readonly bridges: readonly SceneBridge[];
  readonly services: readonly SceneService[];
  readonly externals: readonly SceneExternal[];
  readonly links: readonly SceneLink[];
  /** Backgrounds: the cluster, the Services row, the node network bar, the unscheduled box. */
  readonly boxes: readonly SceneBox[];
}

export interface LayoutOptions {
  /** Pod columns per node; default POD_COLUMNS. */
  readonly podColumns?: number;
}
