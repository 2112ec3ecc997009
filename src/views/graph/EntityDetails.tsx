// Details of the node, pod, Service or outside endpoint under the pointer or focus: the text
// equivalent of the drawing (labels, interfaces, routes, containers, isolation; a node's devices,
// `ip route` and FDB as its CNI builds them, from the topology the graph and the trace read).
import type { Topology } from '../../model/topology';
import { isolate } from '../../lib/user-text';
import { formatRouteWith } from '../../model/route-text';
import type { UiText } from '../i18n';
import { useRealClusterText } from '../real-cluster-text';
import { TID } from '../testIds';

interface Props {
  id: string | null;
  topology: Topology;
  isolation: ReadonlyMap<string, { readonly ingress: readonly string[]; readonly egress: readonly string[] }>;
  t: UiText;
}

const labelList = (labels: Readonly<Record<string, string>>): string =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ') || '—';

export function EntityDetails({ id, topology, isolation, t }: Props) {
  const rc = useRealClusterText();
  const pod = id ? topology.pods.find((p) => p.key === id) : undefined;
  const svc = id?.startsWith('svc:') ? topology.services.find((s) => `svc:${s.key}` === id) : undefined;
  const ext = id?.startsWith('ext:') ? topology.externals.find((e) => `ext:${e.name}` === id) : undefined;
  const node = id?.startsWith('node:') ? topology.nodes.find((n) => `node:${n.name}` === id) : undefined;
  let body: React.ReactNode = <p className="help">{t.inspectHelp}</p>;
  if (node) {
    const dp = node.datapath;
    const lines = (xs: readonly string[]): string => xs.join('\n') || '—';
    body = (
      <dl className="details" data-testid={TID.graphDetailsNode}>
        <dt>{t.node}</dt>
        <dd>
          {isolate(node.name)} <span className="mono">eth0 {node.internalIP ?? '—'}</span>
          {node.podCIDR ? <span className="mono"> · podCIDR {node.podCIDR}</span> : null}
        </dd>
        <dt>{t.nodeCniFile}</dt>
        <dd className="mono">/etc/cni/net.d/{isolate(node.cni.file)}</dd>
        <dt>{t.nodeDevices}</dt>
        <dd className="mono">
          <pre className="resolv-conf">
            {lines(
              dp.devices.map(
                (d) =>
                  `${d.name}${d.address ? ` ${d.address}` : d.kind === 'bridge' && dp.hub.unaddressed ? ` ${t.bridgeNoAddress}` : ''}${d.detail ? ` — ${d.detail}` : ''}`,
              ),
            )}
          </pre>
        </dd>
        <dt>{t.nodeRoutes}</dt>
        <dd className="mono">
          <pre className="resolv-conf">
            {lines(node.routes.filter((r) => r.kind !== 'local').map((r) => r.text))}
          </pre>
        </dd>
        <dt>{t.nodeLocalRoutes}</dt>
        <dd className="mono">
          <pre className="resolv-conf">
            {lines(node.routes.filter((r) => r.kind === 'local').map((r) => r.text))}
          </pre>
        </dd>
        {dp.neighbours.length > 0 && (
          <>
            <dt>{t.nodeFdb}</dt>
            <dd className="mono">
              <pre className="resolv-conf">{lines(dp.neighbours.map((n) => n.fdb))}</pre>
            </dd>
            <dt>{t.nodeArp}</dt>
            <dd className="mono">
              <pre className="resolv-conf">{lines(dp.neighbours.map((n) => n.arp))}</pre>
            </dd>
          </>
        )}
      </dl>
    );
  } else if (pod) {
    const iso = isolation.get(pod.key) ?? { ingress: [], egress: [] };
    const net = pod.network;
    body = (
      <dl className="details">
        <dt>{t.pod}</dt>
        <dd>{pod.key}</dd>
        {pod.implicit && <ImplicitRow t={t} />}
        {pod.phase !== undefined && (
          <>
            <dt>{rc.podStatus}</dt>
            <dd data-testid={TID.graphDetailsStatus}>
              {pod.phase}
              {pod.ready === false ? ` — ${rc.podNotReady}` : pod.ready ? ` — ${rc.podReady}` : ''}
              {pod.terminating ? ` — ${rc.podTerminating}` : ''}
            </dd>
          </>
        )}
        <dt>{t.labels}</dt>
        <dd className="mono">{labelList(pod.labels)}</dd>
        <dt>{t.network}</dt>
        <dd className="mono">
          {net.kind === 'bridged'
            ? `eth0 ${net.interface.ip}/${net.interface.prefix} ⇄ ${net.veth} @ ${net.bridge} (${pod.node})`
            : net.kind === 'host'
              ? `hostNetwork: ${t.usesNodeEth0} ${net.node} (${net.interface.ip})`
              : `${net.interface.ip} — ${t.notOnNode}`}
        </dd>
        {net.kind === 'bridged' && (
          <>
            <dt>{t.routesInPod}</dt>
            <dd className="mono">{net.routes.map((r) => formatRouteWith(r, isolate)).join(' ; ')}</dd>
          </>
        )}
        <dt>{t.resolvConf}</dt>
        <dd className="mono" data-testid={TID.graphDetailsResolvConf}>
          <pre className="resolv-conf">{pod.resolvConf}</pre>
        </dd>
        <dt>{t.containers}</dt>
        <dd className="mono">
          {pod.containers
            .map(
              (c) =>
                `${isolate(c.name)}${c.pause ? ` (${t.pauseNote})` : ''}${c.ports.length ? ` ${c.ports.map((p) => `${p.name ? `${p.name}:` : ''}${p.containerPort}/${p.protocol}`).join(' ')}` : ''}`,
            )
            .join(' · ')}
        </dd>
        <dt>{t.isolation}</dt>
        <dd>
          {iso.ingress.length ? `${t.ingressIsolated}: ${iso.ingress.join(', ')}` : t.ingressOpen}
          {' · '}
          {iso.egress.length ? `${t.egressIsolated}: ${iso.egress.join(', ')}` : t.egressOpen}
        </dd>
      </dl>
    );
  } else if (svc) {
    body = (
      <dl className="details">
        <dt>{t.service}</dt>
        <dd>
          {svc.key} · {svc.type}
        </dd>
        {svc.implicit && <ImplicitRow t={t} />}
        <dt>ClusterIP</dt>
        <dd className="mono">{svc.clusterIP ?? (svc.externalName ? `CNAME ${svc.externalName}` : 'None')}</dd>
        <dt>{t.ports}</dt>
        <dd className="mono">
          {svc.ports
            .map(
              (p) =>
                `${p.port}/${p.protocol} → ${p.targetPort}${p.nodePort ? ` (nodePort ${p.nodePort})` : ''}`,
            )
            .join(' ; ') || '—'}
        </dd>
        {svc.sessionAffinity && (
          <>
            <dt>sessionAffinity</dt>
            <dd className="mono">ClientIP, timeoutSeconds {svc.sessionAffinity.timeoutSeconds}</dd>
          </>
        )}
        <dt>{t.endpoints}</dt>
        <dd className="mono">{svc.endpoints.join(', ') || '—'}</dd>
      </dl>
    );
  } else if (ext) {
    body = (
      <dl className="details">
        <dt>{t.outside}</dt>
        <dd>
          {ext.name} <span className="mono">{ext.ip}</span>
        </dd>
      </dl>
    );
  }
  return (
    <div className="entity-details" data-testid={TID.graphDetails}>
      {body}
    </div>
  );
}

/** Says an object is netlab's (the implicit CoreDNS), not the scenario's, and why it is there. */
function ImplicitRow({ t }: { t: UiText }) {
  return (
    <>
      <dt>{t.implicitMark}</dt>
      <dd data-testid={TID.graphDetailsImplicit}>{t.implicitWhy}</dd>
    </>
  );
}
