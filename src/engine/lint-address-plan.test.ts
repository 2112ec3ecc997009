// The address plan's lint: a Service range over a node's podCIDR or address is a warning at the
// node's field; a nodePort outside the range (configurable) is the API server's own rejection.
import { describe, expect, it } from 'vitest';
import { analyzeScenario } from './analyze';

const node = (name: string, ip: string, cidr: string): string =>
  `apiVersion: v1\nkind: Node\nmetadata: {name: ${name}}\nspec: {podCIDR: ${cidr}}\nstatus: {addresses: [{type: InternalIP, address: ${ip}}]}`;
const net = (spec: string): string =>
  `apiVersion: netlab.dev/v1\nkind: ClusterNetwork\nmetadata: {name: lab}\nspec: ${spec}`;
const svc = (nodePort: number): string =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports:\n  - {port: 80, nodePort: ${nodePort}}`;
const run = (...docs: string[]) => analyzeScenario([{ name: 'plan.yaml', text: docs.join('\n---\n') }]);
const shown = (r: ReturnType<typeof run>, code: string): string[] =>
  r.diagnostics.filter((d) => d.code === code).map((d) => `${d.line}:${d.col} ${d.severity} ${d.message.en}`);

describe('Service CIDR overlap', () => {
  it.each([
    ['apart (the defaults)', [node('node01', '192.168.1.11', '10.244.1.0/24')], []],
    [
      'a podCIDR inside the default 10.96.0.0/12',
      [node('node01', '192.168.1.11', '10.100.1.0/24')],
      [
        "4:17 warning node node01's podCIDR 10.100.1.0/24 overlaps the Service range 10.96.0.0/12 (the default): a pod and a Service could get the same address",
      ],
    ],
    [
      'a node address in a declared range, and a podCIDR over it',
      [node('node01', '10.0.0.5', '10.0.0.0/16'), net('{serviceCIDR: 10.0.0.0/24}')],
      [
        "4:17 warning node node01's podCIDR 10.0.0.0/16 overlaps the Service range 10.0.0.0/24 (ClusterNetwork lab, spec.serviceCIDR): a pod and a Service could get the same address",
        "5:21 warning node node01's address 10.0.0.5 lies in the Service range 10.0.0.0/24 (ClusterNetwork lab, spec.serviceCIDR): traffic to it may be taken for a Service",
      ],
    ],
  ])('%s', (_, docs, expected) => {
    expect(shown(run(...docs), 'service-cidr-overlap')).toEqual(expected);
  });

  it('says it in Korean with the right particles', () => {
    const r = run(node('node01', '192.168.1.11', '10.100.1.0/24'));
    expect(r.diagnostics.find((d) => d.code === 'service-cidr-overlap')!.message.ko).toBe(
      '노드 node01의 podCIDR 10.100.1.0/24가 Service 대역(기본값) 10.96.0.0/12와 겹칩니다. 파드와 Service가 같은 주소를 받을 수 있습니다',
    );
  });
});

describe('nodePort range', () => {
  it.each([
    [30000, []],
    [32767, []],
    [
      80,
      [
        '8:26 error The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
      ],
    ],
    [
      32768,
      [
        '8:26 error The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 32768: provided port is not in the valid range. The range of valid ports is 30000-32767',
      ],
    ],
  ])('nodePort %i in the default range', (port, expected) => {
    const r = run(svc(port));
    expect(shown(r, 'node-port-range')).toEqual(expected);
    expect(r.hasErrors).toBe(expected.length > 0);
  });

  it('follows ClusterNetwork spec.serviceNodePortRange, wherever the ClusterNetwork is', () => {
    expect(shown(run(svc(8080), net('{serviceNodePortRange: 8000-9000}')), 'node-port-range')).toEqual([]);
    expect(shown(run(svc(30080), net('{serviceNodePortRange: 8000-9000}')), 'node-port-range')).toEqual([
      '8:26 error The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is not in the valid range. The range of valid ports is 8000-9000',
    ]);
    const bad = run(net('{serviceNodePortRange: 9000-8000}'));
    expect(shown(bad, 'node-port-range')).toEqual([
      '4:30 error spec.serviceNodePortRange: "9000-8000" is not a port range',
    ]);
  });

  it('words the rejection in Korean', () => {
    const d = run(svc(80)).diagnostics.find((x) => x.code === 'node-port-range')!;
    expect(d.message.ko).toBe(
      'API 서버가 Service "web"을 거부합니다. spec.ports[0].nodePort: 80은 허용 범위 30000-32767 밖의 포트입니다',
    );
    expect(d.hint?.en).toContain("kube-apiserver's --service-node-port-range");
  });
});
