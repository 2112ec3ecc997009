import { describe, expect, it } from 'vitest';
import { ModelEngine } from './model-engine';
import {
  ENDPOINTS_PER_PART,
  GRAPH_POD_LIMIT,
  transferableRows,
  viewForPage,
  viewMessages,
  viewPartJoiner,
} from './page-view';

/** `n` pods in namespaces of 500, two workloads each (by the `app` label). */
function pods(n: number): string {
  const out = ['apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-0\n'];
  for (let i = 0; i < n; i++)
    out.push(
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p-${i}\n  namespace: ns-${Math.floor(i / 500)}\n  labels: {app: a-${i % 2}}\nspec:\n  containers: [{name: c, image: i}]\n`,
    );
  out.push(
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: ns-0}\nspec:\n  podSelector: {}\n',
  );
  return out.join('---\n');
}

describe('viewForPage', () => {
  it('keeps the drawing of a scene up to the limit', () => {
    const view = new ModelEngine().update(pods(20));
    expect(viewForPage(view)).toBe(view);
  });

  it('past the limit, replaces the drawing with an overview by namespace and workload', () => {
    const n = GRAPH_POD_LIMIT + 1;
    const view = viewForPage(new ModelEngine().update(pods(n)));
    expect(view.model.topology.pods).toEqual([]);
    expect(view.model.scene.pods).toEqual([]);
    expect(view.model.endpoints).toHaveLength(n + 2); // the matrix keeps every pod, and the implicit CoreDNS
    const overview = view.model.overview!;
    expect(overview.pods).toBe(n);
    expect(overview.namespaces[0]).toEqual({
      name: 'ns-0',
      pods: 500,
      policies: 1,
      workloads: [
        { name: 'a-0', pods: 250 },
        { name: 'a-1', pods: 250 },
      ],
    });
    expect(overview.namespaces.reduce((sum, ns) => sum + ns.pods, 0)).toBe(n);
  }, 60_000);

  it('transferableRows hands over copies: the engine keeps its own rows', () => {
    const view = new ModelEngine().update(pods(5));
    const { view: sent, transfer } = transferableRows(view);
    expect(transfer).toHaveLength(view.model.allowed.length);
    expect(sent.model.allowed[0]).toEqual(view.model.allowed[0]);
    expect(sent.model.allowed[0]).not.toBe(view.model.allowed[0]);
    structuredClone(sent, { transfer });
    expect(view.model.allowed[0]!.length).toBeGreaterThan(0);
  });
});

describe('viewMessages and viewPartJoiner', () => {
  it('a small view is one message; a big one comes in parts and is put back together in order', () => {
    const small = new ModelEngine().update(pods(20));
    expect(viewMessages(small, [])).toEqual([[{ type: 'view', view: small }, []]]);

    const big = new ModelEngine().update(pods(ENDPOINTS_PER_PART * 2 + 7));
    const messages = viewMessages(big, []).map(([m]) => m);
    expect(messages.map((m) => m.type)).toEqual(['view-part', 'view-part', 'view-part', 'view']);
    const join = viewPartJoiner();
    const out = messages.map(join);
    expect(out.slice(0, 3)).toEqual([null, null, null]);
    const joined = out[3]!;
    expect(joined.type === 'view' && joined.view.model.endpoints).toEqual(big.model.endpoints);
    // The joiner starts afresh after a view: the next view does not get these endpoints again.
    expect(join({ type: 'view', view: small })).toEqual({ type: 'view', view: small });
  });
});
