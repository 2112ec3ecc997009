// A cluster dump as big as people really open: many small pods (a workload label, one container
// port) in namespaces of 500, as YAML documents. 23,000 pods make about 5 MB.

export function bigDumpYaml(pods: number): string {
  const out: string[] = [];
  for (let i = 0; i < Math.ceil(pods / 500); i++)
    out.push(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-${i}\n`);
  for (let i = 0; i < pods; i++)
    out.push(
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-${i}\n  namespace: ns-${Math.floor(i / 500)}\n  labels:\n    app: app-${i % 50}\n    tier: backend-services\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n    ports:\n    - containerPort: 80\n`,
    );
  return out.join('---\n');
}
