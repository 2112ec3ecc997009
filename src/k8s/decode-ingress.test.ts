// Ingress and IngressClass as the API server reads them: rules, paths, backends, TLS, class.
import { describe, expect, it } from 'vitest';
import { loadCluster } from './load-cluster';

const load = (spec: string, meta = '') =>
  loadCluster([
    {
      name: 't.yaml',
      text: `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: i\n  namespace: shop\n${meta}spec:\n${spec}`,
    },
  ]);

describe('Ingress', () => {
  it('reads class, rules (hosts lower case), paths, backends by number or name, TLS and defaultBackend', () => {
    const r = load(
      [
        '  ingressClassName: nginx',
        '  defaultBackend: {service: {name: sorry, port: {name: http}}}',
        '  tls: [{hosts: [Shop.Example.com], secretName: shop-tls}]',
        '  rules:',
        '  - host: Shop.Example.com',
        '    http:',
        '      paths:',
        '      - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 8080}}}}',
      ].join('\n') + '\n',
    );
    expect(r.diagnostics).toEqual([]);
    const { source: _, ...ing } = r.cluster.ingresses[0]!;
    expect(ing).toEqual({
      namespace: 'shop',
      name: 'i',
      ingressClassName: 'nginx',
      defaultBackend: { service: 'sorry', port: 'http' },
      tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }],
      rules: [
        {
          host: 'shop.example.com',
          paths: [{ path: '/api', pathType: 'Prefix', backend: { service: 'api', port: 8080 } }],
        },
      ],
    });
    expect(r.cluster.namespaces.has('shop')).toBe(true);
  });

  it('takes the class from the deprecated annotation when spec.ingressClassName is absent', () => {
    const r = load('  rules: []\n', '  annotations: {kubernetes.io/ingress.class: nginx}\n');
    expect(r.cluster.ingresses[0]!.ingressClassName).toBe('nginx');
  });

  it.each([
    [
      'a path without pathType',
      '  rules:\n  - http:\n      paths:\n      - {path: /, backend: {service: {name: a, port: {number: 80}}}}\n',
      'path-type',
    ],
    [
      'a relative Prefix path',
      '  rules:\n  - http:\n      paths:\n      - {path: api, pathType: Prefix, backend: {service: {name: a, port: {number: 80}}}}\n',
      'path',
    ],
    ['an IP as host', '  rules:\n  - host: 1.2.3.4\n    http: {paths: []}\n', 'host'],
    ['a backend without a port', '  defaultBackend: {service: {name: a}}\n', 'required'],
  ])('%s is an error', (_, spec, code) => {
    expect(load(spec).diagnostics.map((d) => d.code)).toContain(code);
  });

  it('IngressClass: controller and the default-class annotation', () => {
    const r = loadCluster([
      {
        name: 'c.yaml',
        text: 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: nginx\n  annotations: {ingressclass.kubernetes.io/is-default-class: "true"}\nspec: {controller: k8s.io/ingress-nginx}\n',
      },
    ]);
    expect(r.diagnostics).toEqual([]);
    expect(
      r.cluster.ingressClasses.map(({ name, controller, isDefault }) => [name, controller, isDefault]),
    ).toEqual([['nginx', 'k8s.io/ingress-nginx', true]]);
  });
});
