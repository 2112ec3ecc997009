// Topology → positioned scene for the SVG graph: layered, computed in one linear pass, no force
// simulation. Positions depend only on the nodes, pods, Services and externals and their order
// (never on labels or policies), and a pod only ever appends to its own node's grid.
//
//            ┌ cluster ───────────────────────────────────────────────────────┐
//            │ (svc) (svc) (svc)               Services row, wraps             │
//            │   ┆     ┆     ┆                 dashed lanes to endpoint pods    │
//  [user] ───┼─═════════════ node network ═══════════════                      │
//  [backup]  │ ┌ node01 ─────[eth0]┐ ┌ node02 ─────[eth0]┐ ┌ unscheduled ┐     │
//            │ │ name, IP, podCIDR │ │ name, IP, podCIDR │ │             │     │
//            │ │ ════ cni0 ═══════ │ │ ════ cni0 ═══════ │ │             │     │
//            │ │ ┃─veth─[pod] ┃─[pod]│ ┃─veth─[pod]      │ │   [pod]     │     │
//            │ │ ┃─veth─[pod]      │ │                   │ │             │     │
//
// The bridge is drawn as a bar with one rail per grid column dropping from it; each pod's veth
// is a short horizontal link from its column's rail to the pod card, so any number of rows stays
// free of crossings.
import type { Topology, TopologyPod } from '../model/topology';
import { reportProgress } from '../lib/progress';
import {
  BRIDGE_H,
  CELL_W,
  CLUSTER_HEADER_H,
  CLUSTER_PAD,
  COL_GAP,
  ETH0_H,
  ETH0_W,
  EXTERNAL_GAP,
  EXTERNAL_H,
  EXTERNAL_MARGIN,
  EXTERNAL_W,
  GRID_TOP,
  HOST_LANE_H,
  MARGIN,
  NODE_GAP,
  NODE_HEADER_H,
  NODE_NET_GAP,
  NODE_NET_H,
  NODE_PAD,
  POD_COLUMNS,
  POD_H,
  POD_W,
  RAIL_INSET,
  RAIL_W,
  ROW_GAP,
  SERVICE_GAP,
  SERVICE_H,
  SERVICE_LANE_STEP,
  SERVICE_LANES,
  SERVICE_W,
  VETH_LEN,
  nodeWidth,
  type LayoutOptions,
  type Rect,
  type Scene,
  type SceneBox,
  type SceneBridge,
  type SceneExternal,
  type SceneLink,
  type SceneNode,
  type ScenePod,
  type SceneRail,
  type SceneService,
} from './scene';

export * from './scene';

/** Where a pod card sits, plus the x of its column's rail and gutter. */
interface Slot {
  readonly rect: Rect;
  readonly railX: number;
  readonly gutterX: number;
  readonly midY: number;
}

/** Places every item of `topology`; the same topology always gives the same scene. */
export function layoutTopology(topology: Topology, opts: LayoutOptions = {}): Scene {
  reportProgress('layout', 0, 1);
  const columns = Math.max(1, Math.floor(opts.podColumns ?? POD_COLUMNS));
  const nodeW = nodeWidth(columns);
  const podByKey = new Map<string, TopologyPod>();
  for (const p of topology.pods) podByKey.set(p.key, p);

  const nodeCount = topology.nodes.length;
  const hasUnscheduled = topology.unscheduled.length > 0;
  const boxCount = nodeCount + (hasUnscheduled ? 1 : 0);
  const nodesW = nodeCount > 0 ? nodeCount * nodeW + (nodeCount - 1) * NODE_GAP : 0;
  const contentW = Math.max(SERVICE_W, boxCount > 0 ? boxCount * nodeW + (boxCount - 1) * NODE_GAP : 0);

  const externalsW = topology.externals.length > 0 ? EXTERNAL_W + EXTERNAL_MARGIN : 0;
  const clusterX = MARGIN + externalsW;
  const contentX = clusterX + CLUSTER_PAD;
  const clusterY = MARGIN;
  const boxes: SceneBox[] = [];
  const links: SceneLink[] = [];

  // Services row. Pills per row depend on the node count only, so an unscheduled box appearing
  // never reflows the Services (and so never moves the nodes).
  let y = clusterY + CLUSTER_HEADER_H;
  const perRow = Math.max(
    1,
    Math.floor((Math.max(SERVICE_W, nodesW) + SERVICE_GAP) / (SERVICE_W + SERVICE_GAP)),
  );
  const services: SceneService[] = topology.services.map((s, i) => ({
    id: `svc:${s.key}`,
    key: s.key,
    ...(s.implicit ? { implicit: true as const } : {}),
    rect: {
      x: contentX + (i % perRow) * (SERVICE_W + SERVICE_GAP),
      y: y + Math.floor(i / perRow) * (SERVICE_H + SERVICE_GAP),
      w: SERVICE_W,
      h: SERVICE_H,
    },
  }));
  let laneTop = y;
  if (services.length > 0) {
    const rows = Math.ceil(services.length / perRow);
    const rowW = Math.min(services.length, perRow) * (SERVICE_W + SERVICE_GAP) - SERVICE_GAP;
    const h = rows * (SERVICE_H + SERVICE_GAP) - SERVICE_GAP;
    boxes.push({ id: 'services', kind: 'services', rect: { x: contentX, y, w: rowW, h } });
    laneTop = y + h + SERVICE_GAP;
    y = laneTop + SERVICE_LANES * SERVICE_LANE_STEP;
  }

  // Node network bar, then the node boxes below it.
  const netBar: Rect | undefined = nodeCount > 0 ? { x: contentX, y, w: nodesW, h: NODE_NET_H } : undefined;
  if (netBar) y += NODE_NET_H + NODE_NET_GAP;
  const boxTop = y;
  const rowsOf = (n: number): number => Math.max(1, Math.ceil(n / columns));
  let maxRows = hasUnscheduled ? rowsOf(topology.unscheduled.length) : 1;
  for (const n of topology.nodes) maxRows = Math.max(maxRows, rowsOf(n.pods.length));
  const gridH = maxRows * (POD_H + ROW_GAP) - ROW_GAP;
  const boxH = boxCount > 0 ? GRID_TOP + gridH + NODE_PAD : 0;

  const slot = (boxX: number, index: number): Slot => {
    const column = index % columns;
    const row = Math.floor(index / columns);
    const cellX = boxX + NODE_PAD + column * CELL_W;
    const rect = { x: cellX + VETH_LEN, y: boxTop + GRID_TOP + row * (POD_H + ROW_GAP), w: POD_W, h: POD_H };
    return {
      rect,
      railX: cellX + RAIL_INSET,
      gutterX: rect.x + POD_W + COL_GAP / 2,
      midY: rect.y + POD_H / 2,
    };
  };

  const pods: ScenePod[] = [];
  const slots = new Map<string, Slot>();
  const nodes: SceneNode[] = [];
  const bridges: SceneBridge[] = [];
  topology.nodes.forEach((n, i) => {
    const x = contentX + i * (nodeW + NODE_GAP);
    const rect = { x, y: boxTop, w: nodeW, h: boxH };
    const lastCardRight = x + NODE_PAD + (columns - 1) * CELL_W + VETH_LEN + POD_W;
    const eth0 = { x: lastCardRight - ETH0_W, y: boxTop - ETH0_H / 2, w: ETH0_W, h: ETH0_H };
    const eth0X = eth0.x + ETH0_W / 2;
    const bridgeRect = {
      x: x + NODE_PAD,
      y: boxTop + NODE_HEADER_H + HOST_LANE_H,
      w: nodeW - 2 * NODE_PAD,
      h: BRIDGE_H,
    };
    const bridgeBottom = bridgeRect.y + BRIDGE_H;
    const hostLaneY = boxTop + NODE_HEADER_H + HOST_LANE_H / 2;
    nodes.push({
      id: `node:${n.name}`,
      name: n.name,
      rect,
      header: {
        x: x + NODE_PAD,
        y: boxTop + ETH0_H / 2,
        w: nodeW - 2 * NODE_PAD,
        h: NODE_HEADER_H - ETH0_H / 2,
      },
      eth0,
      grid: { x: x + NODE_PAD, y: boxTop + GRID_TOP, w: columns * CELL_W - COL_GAP, h: gridH },
    });
    if (netBar)
      links.push({
        id: `node-net:${n.name}`,
        kind: 'node-net',
        from: 'node-network',
        to: `node:${n.name}`,
        points: [
          [eth0X, netBar.y + NODE_NET_H],
          [eth0X, eth0.y],
        ],
      });
    links.push({
      id: `host-route:${n.name}`,
      kind: 'host-route',
      from: `bridge:${n.name}`,
      to: `node:${n.name}`,
      points: [
        [eth0X - 6, bridgeRect.y],
        [eth0X - 6, eth0.y + ETH0_H],
      ],
    });

    const railEnd: number[] = [];
    n.pods.forEach((key, index) => {
      const s = slot(x, index);
      const column = index % columns;
      const pod = podByKey.get(key);
      const hostNetwork = pod?.network.kind === 'host';
      pods.push({
        id: key,
        node: n.name,
        index,
        row: Math.floor(index / columns),
        column,
        rect: s.rect,
        hostNetwork,
        ...(pod?.implicit ? { implicit: true as const } : {}),
      });
      slots.set(key, s);
      if (pod?.network.kind === 'bridged') {
        railEnd[column] = s.midY;
        links.push({
          id: `veth:${key}`,
          kind: 'veth',
          from: `bridge:${n.name}`,
          to: key,
          points: [
            [s.railX, s.midY],
            [s.rect.x, s.midY],
          ],
          ends: [
            {
              label: shortName(pod.network.veth),
              at: [s.railX, s.midY],
              labelAt: [s.railX + RAIL_W, s.midY - 4],
              anchor: 'start',
            },
            {
              label: pod.network.interface.name,
              at: [s.rect.x, s.midY],
              labelAt: [s.rect.x - 4, s.midY + 12],
              anchor: 'end',
            },
          ],
        });
      } else if (hostNetwork) {
        links.push({
          id: `host-network:${key}`,
          kind: 'host-network',
          from: key,
          to: `node:${n.name}`,
          points: [
            [s.rect.x + POD_W, s.midY - 8],
            [s.gutterX - 4, s.midY - 8],
            [s.gutterX - 4, hostLaneY],
            [eth0X + 6, hostLaneY],
            [eth0X + 6, eth0.y + ETH0_H],
          ],
        });
      }
    });
    const rails: SceneRail[] = [];
    railEnd.forEach((endY, column) => {
      const railX = x + NODE_PAD + column * CELL_W + RAIL_INSET;
      rails.push({
        id: `rail:${n.name}:${column}`,
        column,
        rect: { x: railX - RAIL_W / 2, y: bridgeBottom, w: RAIL_W, h: endY - bridgeBottom + RAIL_W / 2 },
      });
    });
    bridges.push({
      id: `bridge:${n.name}`,
      node: n.name,
      name: n.bridge.name,
      rect: bridgeRect,
      rails,
    });
  });

  if (hasUnscheduled) {
    const x = contentX + nodeCount * (nodeW + NODE_GAP);
    boxes.push({ id: 'unscheduled', kind: 'unscheduled', rect: { x, y: boxTop, w: nodeW, h: boxH } });
    topology.unscheduled.forEach((key, index) => {
      const s = slot(x, index);
      pods.push({
        id: key,
        node: null,
        index,
        row: Math.floor(index / columns),
        column: index % columns,
        rect: s.rect,
        hostNetwork: podByKey.get(key)?.hostNetwork ?? false,
        ...(podByKey.get(key)?.implicit ? { implicit: true as const } : {}),
      });
      slots.set(key, s);
    });
  }

  // Service links: down the gap right of the pill, along the service's lane, down the target
  // column's gutter and into the card's right edge.
  topology.services.forEach((s, i) => {
    const r = services[i]!.rect;
    const cx = r.x + SERVICE_W / 2;
    const below = r.y + SERVICE_H + SERVICE_GAP / 2;
    const gapX = r.x + SERVICE_W + SERVICE_GAP / 2;
    const laneY = laneTop + (i % SERVICE_LANES) * SERVICE_LANE_STEP;
    for (const key of s.endpoints) {
      const t = slots.get(key);
      if (!t) continue;
      const x = t.gutterX + 4;
      links.push({
        id: `service:${s.key}>${key}`,
        kind: 'service',
        from: `svc:${s.key}`,
        to: key,
        points: [
          [cx, r.y + SERVICE_H],
          [cx, below],
          [gapX, below],
          [gapX, laneY],
          [x, laneY],
          [x, t.midY + 8],
          [t.rect.x + POD_W, t.midY + 8],
        ],
      });
    }
  });

  const clusterBottom = boxCount > 0 ? boxTop + boxH + CLUSTER_PAD : y + CLUSTER_PAD;
  const cluster = { x: clusterX, y: clusterY, w: contentW + 2 * CLUSTER_PAD, h: clusterBottom - clusterY };
  boxes.unshift({ id: 'cluster', kind: 'cluster', rect: cluster });
  if (netBar) boxes.push({ id: 'node-network', kind: 'node-network', rect: netBar });

  // Outside machines: a column left of the cluster box, each wired to the node network bar.
  const laneX = clusterX - EXTERNAL_MARGIN / 2;
  const externals: SceneExternal[] = topology.externals.map((e, i) => {
    const rect = {
      x: MARGIN,
      y: clusterY + CLUSTER_HEADER_H + i * (EXTERNAL_H + EXTERNAL_GAP),
      w: EXTERNAL_W,
      h: EXTERNAL_H,
    };
    if (netBar) {
      const ey = rect.y + EXTERNAL_H / 2;
      const by = netBar.y + NODE_NET_H / 2;
      links.push({
        id: `external:${e.name}`,
        kind: 'external',
        from: `ext:${e.name}`,
        to: 'node-network',
        points: [
          [rect.x + EXTERNAL_W, ey],
          [laneX, ey],
          [laneX, by],
          [netBar.x, by],
        ],
      });
    }
    return { id: `ext:${e.name}`, name: e.name, rect };
  });
  const externalsBottom = externals.length > 0 ? externals[externals.length - 1]!.rect.y + EXTERNAL_H : 0;

  return {
    width: cluster.x + cluster.w + MARGIN,
    height: Math.max(cluster.y + cluster.h, externalsBottom) + MARGIN,
    nodes,
    pods,
    bridges,
    services,
    externals,
    links,
    boxes,
  };
}

/**
 * A host veth's name as the drawing labels it: calico's, cilium's and weave's 15-character names
 * are cut to 12 and an ellipsis, which fits between the rail and the pod card (the details pane
 * and the packet trace give the whole name).
 */
export function shortName(name: string): string {
  return name.length > 13 ? `${name.slice(0, 12)}…` : name;
}
