// Known fields of the kinds netlab reads, for "unknown field" warnings with a did-you-mean.
// Only the field *names* matter here; types and values are checked by the decoders.

export type Shape =
  | { readonly t: 'object'; readonly fields: Readonly<Record<string, Shape>> }
  | { readonly t: 'list'; readonly of: Shape }
  | { readonly t: 'any' };

const any: Shape = { t: 'any' };
const obj = (fields: Record<string, Shape>): Shape => ({ t: 'object', fields });
const list = (of: Shape): Shape => ({ t: 'list', of });
const anyOf = (...names: string[]): Record<string, Shape> => Object.fromEntries(names.map((n) => [n, any]));

const objectMeta = obj(
  anyOf(
    'name',
    'generateName',
    'namespace',
    'selfLink',
    'uid',
    'resourceVersion',
    'generation',
    'creationTimestamp',
    'deletionTimestamp',
    'deletionGracePeriodSeconds',
    'labels',
    'annotations',
    'ownerReferences',
    'finalizers',
    'managedFields',
  ),
);

const top = (spec: Shape): Record<string, Shape> => ({
  ...anyOf('apiVersion', 'kind', 'status'),
  metadata: objectMeta,
  spec,
});

export const LABEL_SELECTOR: Shape = obj({
  matchLabels: any,
  matchExpressions: list(obj(anyOf('key', 'operator', 'values'))),
});

const policyPort = obj(anyOf('protocol', 'port', 'endPort'));
const policyPeer = obj({
  podSelector: LABEL_SELECTOR,
  namespaceSelector: LABEL_SELECTOR,
  ipBlock: obj(anyOf('cidr', 'except')),
});

export const NETWORK_POLICY: Shape = obj(
  top(
    obj({
      podSelector: LABEL_SELECTOR,
      policyTypes: any,
      ingress: list(obj({ from: list(policyPeer), ports: list(policyPort) })),
      egress: list(obj({ to: list(policyPeer), ports: list(policyPort) })),
    }),
  ),
);

const container = obj({
  ...anyOf(
    'args',
    'command',
    'env',
    'envFrom',
    'image',
    'imagePullPolicy',
    'lifecycle',
    'livenessProbe',
    'name',
    'readinessProbe',
    'resizePolicy',
    'resources',
    'restartPolicy',
    'restartPolicyRules',
    'securityContext',
    'startupProbe',
    'stdin',
    'stdinOnce',
    'terminationMessagePath',
    'terminationMessagePolicy',
    'tty',
    'volumeDevices',
    'volumeMounts',
    'workingDir',
  ),
  ports: list(obj(anyOf('containerPort', 'hostIP', 'hostPort', 'name', 'protocol'))),
});

export const POD: Shape = obj(
  top(
    obj({
      ...anyOf(
        'activeDeadlineSeconds',
        'affinity',
        'automountServiceAccountToken',
        'dnsConfig',
        'dnsPolicy',
        'enableServiceLinks',
        'ephemeralContainers',
        'hostAliases',
        'hostIPC',
        'hostNetwork',
        'hostPID',
        'hostUsers',
        'hostname',
        'hostnameOverride',
        'imagePullSecrets',
        'nodeName',
        'nodeSelector',
        'os',
        'overhead',
        'preemptionPolicy',
        'priority',
        'priorityClassName',
        'readinessGates',
        'resourceClaims',
        'resources',
        'restartPolicy',
        'runtimeClassName',
        'schedulerName',
        'schedulingGates',
        'securityContext',
        'serviceAccount',
        'serviceAccountName',
        'setHostnameAsFQDN',
        'shareProcessNamespace',
        'subdomain',
        'terminationGracePeriodSeconds',
        'tolerations',
        'topologySpreadConstraints',
        'volumes',
      ),
      containers: list(container),
      initContainers: list(container),
    }),
  ),
);

export const SERVICE: Shape = obj(
  top(
    obj({
      ...anyOf(
        'allocateLoadBalancerNodePorts',
        'clusterIP',
        'clusterIPs',
        'externalIPs',
        'externalName',
        'externalTrafficPolicy',
        'healthCheckNodePort',
        'internalTrafficPolicy',
        'ipFamilies',
        'ipFamilyPolicy',
        'loadBalancerClass',
        'loadBalancerIP',
        'loadBalancerSourceRanges',
        'publishNotReadyAddresses',
        'selector',
        'sessionAffinity',
        'sessionAffinityConfig',
        'trafficDistribution',
        'type',
      ),
      ports: list(obj(anyOf('appProtocol', 'name', 'nodePort', 'port', 'protocol', 'targetPort'))),
    }),
  ),
);

export const NODE: Shape = obj(
  top(
    obj(anyOf('configSource', 'externalID', 'podCIDR', 'podCIDRs', 'providerID', 'taints', 'unschedulable')),
  ),
);

const ingressBackend = obj({
  service: obj({ name: any, port: obj(anyOf('name', 'number')) }),
  resource: obj(anyOf('apiGroup', 'kind', 'name')),
});

export const INGRESS: Shape = obj(
  top(
    obj({
      ingressClassName: any,
      defaultBackend: ingressBackend,
      tls: list(obj(anyOf('hosts', 'secretName'))),
      rules: list(
        obj({
          host: any,
          http: obj({ paths: list(obj({ ...anyOf('path', 'pathType'), backend: ingressBackend })) }),
        }),
      ),
    }),
  ),
);

export const INGRESS_CLASS: Shape = obj(top(obj(anyOf('controller', 'parameters'))));

export const NAMESPACE: Shape = obj(top(obj(anyOf('finalizers'))));

export const EXTERNAL_ENDPOINT: Shape = obj(top(obj(anyOf('ip', 'description'))));

export const CLUSTER_NETWORK: Shape = obj(
  top(
    obj(
      anyOf(
        'cni',
        'bridgeName',
        'kubeProxyMode',
        'serviceCIDR',
        'serviceNodePortRange',
        'ipMasq',
        'calicoEncapsulation',
        'ciliumRoutingMode',
        'kubeProxyReplacement',
        'nodeLocalDNS',
      ),
    ),
  ),
);

export const CNI_CONFIG: Shape = obj(top(obj({ nodes: any, config: any })));

const endpointPort = obj(anyOf('name', 'port', 'protocol', 'appProtocol'));
const objectRef = obj(
  anyOf('apiVersion', 'fieldPath', 'kind', 'name', 'namespace', 'resourceVersion', 'uid'),
);

export const ENDPOINTS: Shape = obj({
  ...anyOf('apiVersion', 'kind'),
  metadata: objectMeta,
  subsets: list(
    obj({
      addresses: list(obj({ ...anyOf('hostname', 'ip', 'nodeName'), targetRef: objectRef })),
      notReadyAddresses: list(obj({ ...anyOf('hostname', 'ip', 'nodeName'), targetRef: objectRef })),
      ports: list(endpointPort),
    }),
  ),
});

export const ENDPOINT_SLICE: Shape = obj({
  ...anyOf('apiVersion', 'kind', 'addressType'),
  metadata: objectMeta,
  endpoints: list(
    obj({
      ...anyOf('addresses', 'conditions', 'deprecatedTopology', 'hints', 'hostname', 'nodeName', 'zone'),
      targetRef: objectRef,
    }),
  ),
  ports: list(endpointPort),
});
