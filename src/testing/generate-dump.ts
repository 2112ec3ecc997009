// A realistic `kubectl get -A -o yaml|json` dump of a generated cluster, for benchmarks and
// the page's end-to-end test: generateScenario()'s objects as a cluster reports them — uids,
// managedFields, status blocks (phase, podIP, conditions, containerStatuses), owner references
// (ReplicaSet → Deployment, Job → CronJob, DaemonSet), finished Job pods whose IPs live pods
// reuse, Services (some LoadBalancers with status), Endpoints and EndpointSlices, Deployments,
// ReplicaSets and a few custom resources. Seeded and deterministic.
import { stringify } from 'yaml';
import { generateScenario, rng, type Manifest } from './generate-cluster';

export interface DumpOptions {
  readonly pods: number;
  readonly policies?: number;
  readonly seed: number;
}

type Labels = Record<string, string>;
const T0 = Date.UTC(2024, 4, 1, 8, 0, 0);
const time = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString().replace('.000', '');

/** The dump as kubectl prints it: `-o json` (4-space indent) or `-o yaml` (sequences not indented). */
export function generateDump(opts: DumpOptions, format: 'json' | 'yaml'): string {
  const list = {
    apiVersion: 'v1',
    kind: 'List',
    metadata: { resourceVersion: '' },
    items: generateDumpObjects(opts),
  };
  return format === 'json'
    ? JSON.stringify(list, null, 4) + '\n'
    : stringify(list, { lineWidth: 0, indentSeq: false, aliasDuplicateObjects: false });
}

export function generateDumpObjects(opts: DumpOptions): Manifest[] {
  const next = rng(opts.seed ^ 0x5eed);
  const hex = (n: number): string =>
    Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');
  const uid = (): string => `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
  let rv = 1000;
  const base = generateScenario({
    pods: opts.pods,
    policies: opts.policies ?? Math.ceil(opts.pods / 5),
    seed: opts.seed,
  });
  const meta = (m: Manifest, extra: Manifest = {}, managers: Manifest[] = []): Manifest => ({
    ...(m as Manifest),
    uid: uid(),
    resourceVersion: String(rv++),
    creationTimestamp: time(Math.floor(next() * 600)),
    ...extra,
    managedFields: [
      managedField('kubectl-client-side-apply', 'Update', { 'f:metadata': { 'f:labels': {} }, 'f:spec': {} }),
      ...managers,
    ],
  });
  const out: Manifest[] = [];
  const nodes = base.filter((o) => o.kind === 'Node');
  const nodeInfo = new Map<string, { ip: string; cidr: string; next: number }>();
  nodes.forEach((n, i) => {
    const m = n.metadata as Manifest;
    const spec = n.spec as { podCIDR: string };
    const ip = ((n.status as Manifest).addresses as { address: string }[])[0]!.address;
    nodeInfo.set(m.name as string, { ip, cidr: spec.podCIDR, next: 2 });
    const labels: Labels = {
      'kubernetes.io/hostname': m.name as string,
      'kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      ...(i === 0
        ? {
            'node-role.kubernetes.io/control-plane': '',
            'node.kubernetes.io/exclude-from-external-load-balancers': '',
          }
        : {}),
    };
    out.push({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: meta({ name: m.name, labels, annotations: { 'node.alpha.kubernetes.io/ttl': '0' } }),
      spec: {
        podCIDR: spec.podCIDR,
        podCIDRs: [spec.podCIDR],
        ...(i === 0
          ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }
          : {}),
      },
      status: {
        addresses: [
          { type: 'InternalIP', address: ip },
          { type: 'Hostname', address: m.name },
        ],
        capacity: { cpu: '8', memory: '32863592Ki', pods: '110', 'ephemeral-storage': '101430960Ki' },
        allocatable: { cpu: '8', memory: '32761192Ki', pods: '110', 'ephemeral-storage': '93478772582' },
        conditions: ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map((type) => ({
          type,
          status: type === 'Ready' ? 'True' : 'False',
          lastHeartbeatTime: time(700),
          lastTransitionTime: time(1),
          reason: type === 'Ready' ? 'KubeletReady' : `KubeletHasNo${type}`,
          message: type === 'Ready' ? 'kubelet is posting ready status' : `kubelet has no ${type}`,
        })),
        nodeInfo: {
          architecture: 'amd64',
          containerRuntimeVersion: 'containerd://1.7.13',
          kernelVersion: '6.1.0-18-amd64',
          kubeProxyVersion: 'v1.30.2',
          kubeletVersion: 'v1.30.2',
          operatingSystem: 'linux',
          osImage: 'Debian GNU/Linux 12 (bookworm)',
          machineID: hex(32),
          systemUUID: uid(),
          bootID: uid(),
        },
        images: Array.from({ length: 12 }, (_, k) => ({
          names: [
            `registry.example.com/team/image-${k}@sha256:${hex(64)}`,
            `registry.example.com/team/image-${k}:v${k}`,
          ],
          sizeBytes: 10_000_000 + k * 1_234_567,
        })),
      },
    });
  });
  const nodeNames = [...nodeInfo.keys()];
  const podIp = (node: string): string => {
    const n = nodeInfo.get(node)!;
    const [a, b, c, d] = n.cidr.split('/')[0]!.split('.').map(Number) as [number, number, number, number];
    const v = ((a << 24) | (b << 16) | (c << 8) | d) + n.next++;
    return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
  };

  for (const o of base.filter((x) => x.kind === 'Namespace')) {
    const m = o.metadata as Manifest;
    out.push({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: meta({
        name: m.name,
        labels: { ...(m.labels as Labels), 'kubernetes.io/metadata.name': m.name as string },
      }),
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  }
  if (!out.some((o) => o.kind === 'Namespace' && (o.metadata as Manifest).name === 'default'))
    out.push({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: meta({ name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' } }),
      status: { phase: 'Active' },
    });

  // Pods, with the workloads that own them.
  const apps = new Map<
    string,
    {
      ns: string;
      app: string;
      hash: string;
      ports: Manifest[];
      pods: { name: string; ip: string; node: string; uid: string }[];
    }
  >();
  const livePods: { ns: string; ip: string }[] = [];
  for (const p of base.filter((x) => x.kind === 'Pod')) {
    const m = p.metadata as { name: string; namespace: string; labels: Labels };
    const spec = p.spec as { nodeName: string; hostNetwork?: boolean; containers: Manifest[] };
    const node = spec.nodeName ?? nodeNames[0]!;
    const ip = spec.hostNetwork ? nodeInfo.get(node)!.ip : podIp(node);
    const app = m.labels.app ?? m.name;
    const hash = m.labels['pod-template-hash'];
    const owner = spec.hostNetwork
      ? { kind: 'DaemonSet', name: app }
      : hash
        ? { kind: 'ReplicaSet', name: `${app}-${hash}` }
        : { kind: 'ReplicaSet', name: `${app}-${hex(9).slice(0, 9)}` };
    const podUid = uid();
    if (!spec.hostNetwork) {
      const key = `${m.namespace}/${app}`;
      const entry = apps.get(key) ?? {
        ns: m.namespace,
        app,
        hash: hash ?? owner.name.slice(app.length + 1),
        ports: [],
        pods: [],
      };
      entry.pods.push({ name: m.name, ip, node, uid: podUid });
      if (entry.ports.length === 0) entry.ports = (spec.containers[0]!.ports as Manifest[] | undefined) ?? [];
      apps.set(key, entry);
      livePods.push({ ns: m.namespace, ip });
    }
    out.push(podObject(meta, uid, hex, m, spec, node, nodeInfo.get(node)!.ip, ip, owner, podUid, 'Running'));
  }

  // A CronJob per app namespace: finished Job pods whose old IPs live pods now hold.
  const namespaces = [...new Set([...apps.values()].map((a) => a.ns))];
  namespaces.forEach((ns, i) => {
    const reusable = livePods.filter((p) => p.ns === ns);
    for (let k = 0; k < 3; k++) {
      const job = `report-${2839100 + i * 10 + k}`;
      const node = nodeNames[(i + k) % nodeNames.length]!;
      const ip = k === 0 && reusable.length > 0 ? reusable[0]!.ip : podIp(node);
      const phase = k === 2 ? 'Failed' : 'Succeeded';
      const m = {
        name: `${job}-${hex(5)}`,
        namespace: ns,
        labels: { 'job-name': job, 'batch.kubernetes.io/job-name': job },
      };
      const spec = {
        nodeName: node,
        containers: [{ name: 'report', image: 'registry.example.com/tools/report:1.4' }],
        restartPolicy: 'Never',
      };
      out.push(
        podObject(
          meta,
          uid,
          hex,
          m,
          spec,
          node,
          nodeInfo.get(node)!.ip,
          ip,
          { kind: 'Job', name: job },
          uid(),
          phase,
        ),
      );
      out.push({
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: meta({
          name: job,
          namespace: ns,
          ownerReferences: [ownerRef('batch/v1', 'CronJob', 'report', uid())],
        }),
        spec: { backoffLimit: 0 },
        status: { succeeded: phase === 'Succeeded' ? 1 : 0 },
      });
    }
  });

  // Deployments, ReplicaSets, Services, Endpoints and EndpointSlices per app.
  let lb = 10;
  const services: Manifest[] = [];
  [...apps.values()].forEach((a, i) => {
    const depUid = uid();
    out.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta({
        name: a.app,
        namespace: a.ns,
        uid: depUid,
        labels: { app: a.app, 'app.kubernetes.io/name': a.app },
      }),
      spec: { replicas: a.pods.length, selector: { matchLabels: { app: a.app } } },
      status: { replicas: a.pods.length, readyReplicas: a.pods.length },
    });
    out.push({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: meta({
        name: `${a.app}-${a.hash}`,
        namespace: a.ns,
        labels: { app: a.app, 'pod-template-hash': a.hash },
        ownerReferences: [ownerRef('apps/v1', 'Deployment', a.app, depUid)],
      }),
      spec: { replicas: a.pods.length },
      status: { replicas: a.pods.length },
    });
    const ports = a.ports.length > 0 ? a.ports : [{ name: 'http', containerPort: 8080, protocol: 'TCP' }];
    const isLb = i % 9 === 4;
    const clusterIP = `10.96.${Math.floor((i + 20) / 250)}.${((i + 20) % 250) + 1}`;
    const svcPorts = ports.map((p) => ({
      ...(p.name ? { name: p.name } : {}),
      port: p.containerPort,
      protocol: p.protocol ?? 'TCP',
      targetPort: p.containerPort,
      ...(isLb ? { nodePort: 30000 + i } : {}),
    }));
    services.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta({ name: a.app, namespace: a.ns, labels: { app: a.app } }),
      spec: {
        type: isLb ? 'LoadBalancer' : 'ClusterIP',
        clusterIP,
        clusterIPs: [clusterIP],
        selector: { app: a.app },
        ports: svcPorts,
        sessionAffinity: 'None',
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ...(isLb
          ? { externalTrafficPolicy: i % 2 === 0 ? 'Local' : 'Cluster', allocateLoadBalancerNodePorts: true }
          : {}),
      },
      status: { loadBalancer: isLb ? { ingress: [{ ip: `203.0.113.${lb++}`, ipMode: 'VIP' }] } : {} },
    });
    const addresses = a.pods.map((p) => ({
      ip: p.ip,
      nodeName: p.node,
      targetRef: { kind: 'Pod', namespace: a.ns, name: p.name, uid: p.uid },
    }));
    const epPorts = svcPorts.map((p) => ({
      ...(p.name ? { name: p.name } : {}),
      port: p.targetPort,
      protocol: p.protocol,
    }));
    services.push({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: meta({ name: a.app, namespace: a.ns, labels: { app: a.app } }),
      subsets: [{ addresses, ports: epPorts }],
    });
    services.push({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: meta({
        name: `${a.app}-${hex(5)}`,
        namespace: a.ns,
        labels: {
          'kubernetes.io/service-name': a.app,
          'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
        },
      }),
      addressType: 'IPv4',
      endpoints: a.pods.map((p) => ({
        addresses: [p.ip],
        conditions: { ready: true, serving: true, terminating: false },
        nodeName: p.node,
        targetRef: { kind: 'Pod', namespace: a.ns, name: p.name, uid: p.uid },
      })),
      ports: epPorts,
    });
  });
  // The API server's own Service, and an outside database per namespace: no selector.
  const apiServer = nodeInfo.get(nodeNames[0]!)!.ip;
  services.push({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta({
      name: 'kubernetes',
      namespace: 'default',
      labels: { component: 'apiserver', provider: 'kubernetes' },
    }),
    spec: {
      type: 'ClusterIP',
      clusterIP: '10.96.0.1',
      clusterIPs: ['10.96.0.1'],
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
    },
    status: { loadBalancer: {} },
  });
  services.push({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: meta({
      name: 'kubernetes',
      namespace: 'default',
      labels: { 'kubernetes.io/service-name': 'kubernetes' },
    }),
    addressType: 'IPv4',
    endpoints: [{ addresses: [apiServer], conditions: { ready: true } }],
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  });
  namespaces.forEach((ns, i) => {
    const ip = `10.96.200.${i + 1}`;
    services.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta({ name: 'external-db', namespace: ns }),
      spec: {
        type: 'ClusterIP',
        clusterIP: ip,
        clusterIPs: [ip],
        ports: [{ name: 'pg', port: 5432, protocol: 'TCP', targetPort: 5432 }],
      },
      status: { loadBalancer: {} },
    });
    services.push({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: meta({ name: 'external-db', namespace: ns }),
      subsets: [
        { addresses: [{ ip: `172.20.0.${i + 10}` }], ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] },
      ],
    });
    services.push({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: meta({ name: `${ns}-apps`, namespace: ns }),
      spec: {
        selector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] },
        endpoints: [{ port: 'metrics', interval: '30s' }],
      },
    });
  });
  out.push(...services);
  out.push({
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: meta({ name: 'ingress-tls', namespace: 'default' }),
    spec: { secretName: 'ingress-tls', dnsNames: ['shop.example.com'] },
  });
  out.push(
    ...base
      .filter((o) => o.kind === 'NetworkPolicy')
      .map((o) => ({ ...o, metadata: meta(o.metadata as Manifest, { generation: 1 }) })),
  );
  return out;
}

function managedField(manager: string, operation: string, fields: Manifest): Manifest {
  return { manager, operation, apiVersion: 'v1', time: time(5), fieldsType: 'FieldsV1', fieldsV1: fields };
}

function ownerRef(apiVersion: string, kind: string, name: string, uid: string): Manifest {
  return { apiVersion, kind, name, uid, controller: true, blockOwnerDeletion: true };
}

function podObject(
  meta: (m: Manifest, extra?: Manifest, managers?: Manifest[]) => Manifest,
  uid: () => string,
  hex: (n: number) => string,
  m: { name: string; namespace: string; labels: Labels },
  spec: { nodeName?: string; hostNetwork?: boolean; containers: Manifest[]; restartPolicy?: string },
  node: string,
  hostIP: string,
  ip: string,
  owner: { kind: string; name: string },
  podUid: string,
  phase: 'Running' | 'Succeeded' | 'Failed',
): Manifest {
  const running = phase === 'Running';
  const apiVersion = owner.kind === 'Job' ? 'batch/v1' : 'apps/v1';
  const token = `kube-api-access-${hex(5)}`;
  const containers: Manifest[] = spec.containers.map((c) => ({
    ...c,
    env: [
      { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
      {
        name: 'POD_NAMESPACE',
        valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } },
      },
      { name: 'LOG_LEVEL', value: 'info' },
    ],
    imagePullPolicy: 'IfNotPresent',
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    volumeMounts: [
      { name: token, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true },
    ],
  }));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(
      {
        name: m.name,
        generateName: `${owner.name}-`,
        namespace: m.namespace,
        labels: m.labels,
        ownerReferences: [ownerRef(apiVersion, owner.kind, owner.name, uid())],
        uid: podUid,
      },
      {},
      [
        managedField('kube-controller-manager', 'Update', {
          'f:metadata': {
            'f:generateName': {},
            'f:labels': Object.fromEntries(Object.keys(m.labels).map((k) => [`f:${k}`, {}])),
            'f:ownerReferences': { [`k:{"uid":"${uid()}"}`]: {} },
          },
          'f:spec': {
            'f:containers': {
              'k:{"name":"main"}': {
                '.': {},
                'f:env': {},
                'f:image': {},
                'f:imagePullPolicy': {},
                'f:name': {},
                'f:ports': {},
                'f:resources': {},
              },
            },
            'f:dnsPolicy': {},
            'f:enableServiceLinks': {},
            'f:restartPolicy': {},
            'f:schedulerName': {},
            'f:securityContext': {},
            'f:terminationGracePeriodSeconds': {},
          },
        }),
        managedField('kubelet', 'Update', {
          'f:status': {
            'f:conditions': {
              'k:{"type":"ContainersReady"}': { '.': {}, 'f:status': {}, 'f:type': {} },
              'k:{"type":"Initialized"}': { '.': {}, 'f:status': {}, 'f:type': {} },
              'k:{"type":"Ready"}': { '.': {}, 'f:status': {}, 'f:type': {} },
            },
            'f:containerStatuses': {},
            'f:hostIP': {},
            'f:phase': {},
            'f:podIP': {},
            'f:podIPs': { '.': {}, [`k:{"ip":"${ip}"}`]: { '.': {}, 'f:ip': {} } },
            'f:startTime': {},
          },
        }),
      ],
    ),
    spec: {
      ...spec,
      containers,
      nodeName: node,
      restartPolicy: spec.restartPolicy ?? 'Always',
      dnsPolicy: spec.hostNetwork ? 'ClusterFirstWithHostNet' : 'ClusterFirst',
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        {
          effect: 'NoExecute',
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          tolerationSeconds: 300,
        },
        {
          effect: 'NoExecute',
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          tolerationSeconds: 300,
        },
      ],
      volumes: [
        {
          name: token,
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              {
                downwardAPI: {
                  items: [
                    { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' },
                  ],
                },
              },
            ],
          },
        },
      ],
    },
    status: {
      phase,
      conditions: ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
        type,
        status: running || type === 'Initialized' || type === 'PodScheduled' ? 'True' : 'False',
        lastProbeTime: null,
        lastTransitionTime: time(30),
        ...(running || type === 'Initialized' || type === 'PodScheduled' ? {} : { reason: 'PodCompleted' }),
      })),
      hostIP,
      hostIPs: [{ ip: hostIP }],
      podIP: ip,
      podIPs: [{ ip }],
      qosClass: 'Burstable',
      startTime: time(31),
      containerStatuses: containers.map((c) => ({
        name: c.name,
        image: c.image,
        imageID: `${String(c.image).split(':')[0]}@sha256:${hex(64)}`,
        containerID: `containerd://${hex(64)}`,
        ready: running,
        restartCount: 0,
        started: running,
        state: running
          ? { running: { startedAt: time(32) } }
          : {
              terminated: {
                exitCode: phase === 'Failed' ? 1 : 0,
                reason: phase === 'Failed' ? 'Error' : 'Completed',
                startedAt: time(32),
                finishedAt: time(40),
                containerID: `containerd://${hex(64)}`,
              },
            },
      })),
    },
  };
}
