// JSON schemas for the kinds netlab reads, bundled for monaco-yaml (completion, hover docs,
// validation; nothing is fetched). Field *names* come from src/k8s/schema.ts, the same list
// `netlab lint` checks, so an object is closed (additionalProperties: false) exactly where netlab
// also reports unknown fields; this file adds types and short descriptions for hover.
import type { JSONSchema } from 'monaco-yaml';
import {
  CLUSTER_NETWORK,
  CNI_CONFIG,
  EXTERNAL_ENDPOINT,
  NAMESPACE,
  NETWORK_POLICY,
  NODE,
  POD,
  SERVICE,
  type Shape,
} from '../../../k8s/schema';

/** Where the schema says it comes from (never fetched: `enableSchemaRequest: false`). */
export const SCENARIO_SCHEMA_URI = 'file:///netlab/schemas/scenario.schema.json';
/** Models whose URI matches get the schema, e.g. `file:///scenario.yaml`. */
export const SCENARIO_FILE_MATCH = ['**/scenario.yaml'];

const str = (description: string, extra: JSONSchema = {}): JSONSchema => ({
  type: 'string',
  description,
  ...extra,
});
const int = (description: string, extra: JSONSchema = {}): JSONSchema => ({
  type: 'integer',
  description,
  ...extra,
});
const obj = (
  description: string,
  properties: Record<string, JSONSchema>,
  extra: JSONSchema = {},
): JSONSchema => ({
  type: 'object',
  description,
  properties,
  ...extra,
});
const list = (description: string, items: JSONSchema, extra: JSONSchema = {}): JSONSchema => ({
  type: 'array',
  description,
  items,
  ...extra,
});
const stringMap = (description: string): JSONSchema => ({
  type: 'object',
  description,
  additionalProperties: { type: 'string' },
});

const portNumber = { minimum: 1, maximum: 65535 };
const protocol = (what: string): JSONSchema =>
  str(`Protocol ${what}: TCP, UDP or SCTP. Defaults to TCP.`, { enum: ['TCP', 'UDP', 'SCTP'] });

const labelSelector = (description: string): JSONSchema =>
  obj(`${description} matchLabels and matchExpressions are ANDed.`, {
    matchLabels: stringMap('Labels that must all be present with exactly these values.'),
    matchExpressions: list(
      'Label requirements that must all hold.',
      obj(
        'One requirement: a key, an operator and (for In and NotIn) values.',
        {
          key: str('The label key the requirement applies to.'),
          operator: str('How the label relates to the values.', {
            enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'],
            enumDescriptions: [
              'The label is set to one of the values.',
              'The label is missing or set to none of the values.',
              'The label is set (values must be empty).',
              'The label is not set (values must be empty).',
            ],
          }),
          values: list('Label values: non-empty for In and NotIn, empty for Exists and DoesNotExist.', {
            type: 'string',
          }),
        },
        { required: ['key', 'operator'] },
      ),
    ),
  });

const objectMeta = obj('Standard object metadata: name, namespace and labels.', {
  name: str('Name of the object, unique per kind (and per namespace for namespaced kinds).'),
  namespace: str(
    'Namespace of the object; "default" when omitted. Cluster-scoped kinds (Node, Namespace, ExternalEndpoint, ClusterNetwork) have none.',
  ),
  labels: stringMap(
    'Key/value labels. Selectors (podSelector, namespaceSelector, Service selector) match on them.',
  ),
  annotations: stringMap('Non-identifying key/value metadata; selectors never match on it.'),
});

// --- networking.k8s.io/v1 NetworkPolicy -------------------------------------------------------

const policyPeer = (side: 'source' | 'destination'): JSONSchema =>
  obj(
    `One allowed ${side}. podSelector and namespaceSelector in the same item are ANDed; ipBlock must stand alone.`,
    {
      podSelector: labelSelector(
        "Selects pods ({} = all). Alone: pods in the policy's own namespace. With namespaceSelector: matching pods in the selected namespaces.",
      ),
      namespaceSelector: labelSelector(
        'Selects namespaces by their labels ({} = all; each has kubernetes.io/metadata.name: <name>). Alone: every pod in them.',
      ),
      ipBlock: obj(
        'An IP range, meant for addresses outside the cluster. May not be combined with a selector in the same item.',
        {
          cidr: str('The range, e.g. 192.168.5.0/24 or 203.0.113.10/32.'),
          except: list('Ranges inside cidr that are excluded.', { type: 'string' }),
        },
        { required: ['cidr'] },
      ),
    },
  );

const policyPort = obj('A destination port (or port range) and protocol.', {
  protocol: protocol('of the traffic'),
  port: {
    type: ['integer', 'string'],
    description:
      'Destination port: a number, or the name of a container port on the destination pod. Omitted: every port of the protocol.',
  },
  endPort: int(
    'Last port of a range that starts at port (inclusive). Needs a numeric port, and endPort ≥ port.',
    portNumber,
  ),
});

const policyRule = (dir: 'ingress' | 'egress'): JSONSchema => {
  const peers = dir === 'ingress' ? 'from' : 'to';
  const side = dir === 'ingress' ? 'source' : 'destination';
  return obj(`Allows traffic that matches both ${peers} and ports.`, {
    [peers]: list(`Allowed ${side}s, ORed. Empty or omitted: any ${side}.`, policyPeer(side)),
    ports: list('Allowed destination ports, ORed. Empty or omitted: every port.', policyPort),
  });
};

const networkPolicySpec = obj('Which pods the policy selects and which traffic it allows them.', {
  podSelector: labelSelector(
    'Selects the pods in this namespace that the policy applies to; {} selects every pod in the namespace. Rules of all policies selecting a pod add up.',
  ),
  policyTypes: list(
    'Directions this policy isolates. Omitted: Ingress, plus Egress when spec.egress is present.',
    str('A direction.', {
      enum: ['Ingress', 'Egress'],
      enumDescriptions: [
        'Incoming traffic to the selected pods.',
        'Outgoing traffic from the selected pods.',
      ],
    }),
    { maxItems: 2 },
  ),
  ingress: list(
    'Rules for traffic into the selected pods. Allowed if it matches at least one rule of any policy selecting the pod. Empty: no ingress is allowed.',
    policyRule('ingress'),
  ),
  egress: list(
    'Rules for traffic out of the selected pods (when policyTypes includes Egress). Empty: no egress is allowed.',
    policyRule('egress'),
  ),
});

// --- v1 Pod, Service, Node, Namespace; netlab.dev/v1 ExternalEndpoint --------------------------

const container = obj('A container of the pod.', {
  name: str('Container name (a DNS label), unique in the pod.'),
  image: str('Container image, e.g. nginx:1.27.'),
  ports: list(
    'Ports the container listens on. netlab offers them in the matrix; NetworkPolicy ports and Service targetPort may use their names.',
    obj(
      'A port of the container.',
      {
        name: str(
          'Port name: up to 15 lower-case letters, digits and hyphens, with at least one letter. Unique in the pod.',
        ),
        containerPort: int("Port number on the pod's IP address.", portNumber),
        protocol: protocol('of the port'),
      },
      { required: ['containerPort'] },
    ),
  ),
});

const podSpec = obj("The pod's containers and where it runs.", {
  nodeName: str("The node the pod runs on; netlab gives the pod an address from that node's podCIDR."),
  hostNetwork: {
    type: 'boolean',
    description: "Use the node's network namespace: the pod has the node's IP address. Defaults to false.",
  },
  containers: list('The containers of the pod (at least one).', container, { minItems: 1 }),
});

const servicePort = obj('A port of the Service.', {
  name: str('Port name; required when the Service has more than one port.'),
  protocol: protocol('of the port'),
  port: int('Port the Service listens on.', portNumber),
  targetPort: {
    type: ['integer', 'string'],
    description: 'Port on the selected pods: a number or a container port name. Defaults to port.',
  },
  nodePort: int(
    'Port opened on every node for NodePort and LoadBalancer Services (normally 30000-32767).',
    portNumber,
  ),
});

const serviceSpec = obj('How the Service is exposed and which pods receive its traffic.', {
  type: str('How the Service is exposed. Defaults to ClusterIP.', {
    enum: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
    enumDescriptions: [
      'A virtual IP reachable inside the cluster.',
      'ClusterIP plus a port on every node.',
      'NodePort plus an external load balancer.',
      'A DNS alias (CNAME) for externalName; no proxying.',
    ],
  }),
  selector: stringMap("Traffic goes to pods in the Service's namespace with all of these labels."),
  ports: list('Ports the Service exposes.', servicePort),
  clusterIP: str('The virtual IP address; "None" makes a headless Service.'),
  externalName: str('DNS name the Service is an alias for (type ExternalName).'),
  externalTrafficPolicy: str(
    'Cluster: any node forwards to any endpoint (source NAT). Local: only to endpoints on the receiving node, keeping the client IP.',
    {
      enum: ['Cluster', 'Local'],
    },
  ),
});

const nodeSpec = obj('Node configuration.', {
  podCIDR: str('The pod IP range assigned to this node, e.g. 10.244.1.0/24.'),
  podCIDRs: list('Pod IP ranges of this node (at most one per IP family).', { type: 'string' }),
});

const nodeStatus = obj('Observed node state.', {
  addresses: list(
    'Addresses of the node.',
    obj('One address.', {
      type: str('Address type.', {
        enum: ['InternalIP', 'ExternalIP', 'Hostname', 'InternalDNS', 'ExternalDNS'],
      }),
      address: str('The address, e.g. 192.168.1.11.'),
    }),
  ),
});

const podStatus = obj('Observed pod state.', {
  podIP: str("The pod's IP address. When omitted, netlab assigns one from the node's podCIDR."),
});

const externalEndpointSpec = obj(
  'The outside machine.',
  {
    ip: str('IP address of the machine, e.g. 203.0.113.10.'),
    description: str('Free text.'),
  },
  { required: ['ip'] },
);

const clusterNetworkSpec = obj(
  'How the pod network is built. At most one ClusterNetwork per scenario; without one: calico, cni0, iptables.',
  {
    cni: str(
      'The CNI plugin. calico, cilium and weave enforce NetworkPolicy; flannel and bridge store policies without error and enforce nothing. Defaults to calico.',
      {
        enum: ['calico', 'cilium', 'weave', 'flannel', 'bridge'],
        enumDescriptions: [
          'Enforces NetworkPolicy; no bridge: cali… veths, a /32 route per pod, pods route via 169.254.1.1; between nodes BGP routes, IPIP (tunl0) or VXLAN (vxlan.calico) by calicoEncapsulation.',
          'Enforces NetworkPolicy; lxc… veths, cilium_host/cilium_net; VXLAN (cilium_vxlan, UDP 8472) or native routing by ciliumRoutingMode.',
          'Enforces NetworkPolicy; the weave bridge, vethwepl… veths; fastdp vxlan-6784 (UDP 6784), sleeve UDP 6783 as fallback.',
          'No NetworkPolicy enforcement; cni0 and the flannel.1 VTEP (VXLAN, UDP 8472, VNI 1).',
          'No NetworkPolicy enforcement; the bridge plugin (cni0), plain routes as built by hand: ip route add 10.244.2.0/24 via 192.168.1.12.',
        ],
      },
    ),
    bridgeName: str(
      "The Linux bridge on every node that the pods' veths attach to under bridge and flannel (up to 15 characters). Defaults to cni0; the notes build v-net-0 by hand. weave's bridge is always weave; calico and cilium have none.",
    ),
    ipMasq: {
      type: 'boolean',
      description:
        "cni: bridge only. The bridge plugin's ipMasq: MASQUERADE whatever a pod sends outside its own subnet (other nodes' pods too). The plugin's default is false.",
    },
    calicoEncapsulation: str(
      'cni: calico only. How pods cross between nodes. netlab defaults to None; check what your installer chose.',
      {
        enum: ['None', 'IPIP', 'VXLAN'],
        enumDescriptions: [
          'BGP routes (bird): 10.244.2.0/24 via <node IP> dev eth0 proto bird.',
          'IP-in-IP through tunl0 (IP protocol 4): 10.244.2.0/24 via <node IP> dev tunl0 proto bird onlink.',
          'VXLAN through vxlan.calico (UDP 4789, VNI 4096).',
        ],
      },
    ),
    ciliumRoutingMode: str('cni: cilium only. Defaults to tunnel.', {
      enum: ['tunnel', 'native'],
      enumDescriptions: [
        'VXLAN through cilium_vxlan (UDP 8472).',
        "Native routing: the other nodes' pod CIDRs via their node IPs (autoDirectNodeRoutes).",
      ],
    }),
    kubeProxyReplacement: {
      type: 'boolean',
      description:
        "cni: cilium only. cilium's eBPF does the Services' DNAT: no kube-proxy, no KUBE-SVC chains. Defaults to false.",
    },
    kubeProxyMode: str('How kube-proxy turns a Service address into an endpoint. Defaults to iptables.', {
      enum: ['iptables', 'ipvs'],
      enumDescriptions: [
        'DNAT through KUBE-SERVICES → KUBE-SVC-… → KUBE-SEP-… chains.',
        'An IPVS virtual server per Service address, with the endpoints as real servers.',
      ],
    }),
  },
);

interface KindInfo {
  readonly apiVersion: string;
  readonly description: string;
  readonly shape: Shape;
  readonly spec?: JSONSchema;
  readonly status?: JSONSchema;
}

const cniConfigSpec = obj(
  "A file in the nodes' /etc/cni/net.d; metadata.name is its name (.conf, .conflist or .json). The first loadable file in byte order of the names wins on a node.",
  {
    nodes: {
      type: 'array',
      items: { type: 'string' },
      description: 'The nodes holding the file; absent: every node.',
    },
    config: {
      type: ['string', 'object'],
      description:
        'The file’s JSON, best in a literal block (config: |). netlab simulates type, bridge, isGateway, isDefaultGateway, ipMasq and host-local’s subnet, ranges, gateway and routes; other fields are warnings.',
    },
  },
  { required: ['config'] },
);

const KINDS: Readonly<Record<string, KindInfo>> = {
  NetworkPolicy: {
    apiVersion: 'networking.k8s.io/v1',
    description: 'Which traffic is allowed to and from a set of pods.',
    shape: NETWORK_POLICY,
    spec: networkPolicySpec,
  },
  Pod: {
    apiVersion: 'v1',
    description: 'Containers that run together on one node and share one IP address.',
    shape: POD,
    spec: podSpec,
    status: podStatus,
  },
  Service: {
    apiVersion: 'v1',
    description: 'A stable virtual IP and DNS name for a set of pods.',
    shape: SERVICE,
    spec: serviceSpec,
  },
  Node: {
    apiVersion: 'v1',
    description: 'A machine that runs pods.',
    shape: NODE,
    spec: nodeSpec,
    status: nodeStatus,
  },
  Namespace: {
    apiVersion: 'v1',
    description:
      'A scope for names. namespaceSelector matches its labels; the API server adds kubernetes.io/metadata.name.',
    shape: NAMESPACE,
  },
  ExternalEndpoint: {
    apiVersion: 'netlab.dev/v1',
    description: "netlab's own kind (not Kubernetes): a machine outside the cluster, shown in the matrix.",
    shape: EXTERNAL_ENDPOINT,
    spec: externalEndpointSpec,
  },
  ClusterNetwork: {
    apiVersion: 'netlab.dev/v1',
    description:
      "netlab's own kind (not Kubernetes): the CNI plugin, the node bridge name and the kube-proxy mode.",
    shape: CLUSTER_NETWORK,
    spec: clusterNetworkSpec,
  },
  CNIConfig: {
    apiVersion: 'netlab.dev/v1',
    description: "netlab's own kind (not Kubernetes): a CNI network configuration file in /etc/cni/net.d.",
    shape: CNI_CONFIG,
    spec: cniConfigSpec,
  },
};

/**
 * Adds every field the shape knows (untyped when not described here) and closes each object the
 * shape lists, so the schema accepts exactly the fields `netlab lint` accepts.
 */
export function closeSchema(schema: JSONSchema, shape: Shape): JSONSchema {
  if (shape.t === 'any') return schema;
  if (shape.t === 'list') {
    const items = typeof schema.items === 'object' && !Array.isArray(schema.items) ? schema.items : {};
    return { ...schema, items: closeSchema(items, shape.of) };
  }
  // A described field the shape lacks stays (and is caught by schemas.test.ts).
  const properties = { ...schema.properties } as Record<string, JSONSchema>;
  for (const [name, child] of Object.entries(shape.fields))
    properties[name] = closeSchema(properties[name] ?? {}, child);
  return { ...schema, properties, additionalProperties: false };
}

function kindSchema(kind: string, info: KindInfo): JSONSchema {
  const described = obj(info.description, {
    apiVersion: str(`Always ${info.apiVersion} for ${kind}.`, { const: info.apiVersion }),
    kind: str('The kind of object.'),
    metadata: objectMeta,
    ...(info.spec ? { spec: info.spec } : {}),
    ...(info.status ? { status: info.status } : {}),
  });
  return closeSchema({ title: `${kind} (${info.apiVersion})`, ...described }, info.shape);
}

export const KIND_NAMES = Object.keys(KINDS);

/** One schema for every document of a multi-document scenario, chosen by `kind`. */
export const SCENARIO_SCHEMA: JSONSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'netlab scenario',
  description: 'One object of a netlab scenario; documents are separated by ---.',
  properties: {
    apiVersion: str('Versioned schema of the object: v1, networking.k8s.io/v1 or netlab.dev/v1.'),
    kind: str(
      "Kind of object: Namespace, Pod, Node, Service, NetworkPolicy, or netlab's ExternalEndpoint and ClusterNetwork.",
      { examples: KIND_NAMES },
    ),
  },
  // Other kinds (Deployment, ConfigMap, …) are left to netlab, which skips them with a warning.
  allOf: Object.entries(KINDS).map(([kind, info]) => ({
    if: { type: 'object', properties: { kind: { const: kind } }, required: ['kind'] },
    // oxlint-disable-next-line unicorn/no-thenable -- JSON Schema's if/then, not a promise
    then: kindSchema(kind, info),
  })),
};
