import { describe, expect, it } from 'vitest';
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
import { KIND_NAMES, SCENARIO_SCHEMA } from './schemas';

const SHAPES: Record<string, Shape> = {
  NetworkPolicy: NETWORK_POLICY,
  Pod: POD,
  Service: SERVICE,
  Node: NODE,
  Namespace: NAMESPACE,
  ExternalEndpoint: EXTERNAL_ENDPOINT,
  ClusterNetwork: CLUSTER_NETWORK,
  CNIConfig: CNI_CONFIG,
};

function thenOf(kind: string): JSONSchema {
  const branches = (SCENARIO_SCHEMA.allOf ?? []) as JSONSchema[];
  const branch = branches.find((b) => ((b.if as JSONSchema).properties!.kind as JSONSchema).const === kind);
  return branch!.then as JSONSchema;
}

/** Paths where the schema and netlab's field list disagree. */
function mismatches(schema: JSONSchema, shape: Shape, path: string): string[] {
  if (shape.t === 'any') return [];
  if (shape.t === 'list') return mismatches(schema.items as JSONSchema, shape.of, `${path}[]`);
  const out: string[] = [];
  if (schema.additionalProperties !== false) out.push(`${path}: not closed`);
  const props = (schema.properties ?? {}) as Record<string, JSONSchema>;
  for (const name of Object.keys(props))
    if (!(name in shape.fields)) out.push(`${path}.${name}: not a field netlab knows`);
  for (const [name, child] of Object.entries(shape.fields)) {
    if (!props[name]) out.push(`${path}.${name}: missing`);
    else out.push(...mismatches(props[name], child, `${path}.${name}`));
  }
  return out;
}

describe('scenario JSON schema', () => {
  it('has one branch per kind netlab reads', () => {
    expect([...KIND_NAMES].sort()).toEqual(Object.keys(SHAPES).sort());
  });

  it.each(Object.keys(SHAPES))('%s accepts exactly the fields netlab lint accepts', (kind) => {
    expect(mismatches(thenOf(kind), SHAPES[kind]!, kind)).toEqual([]);
  });

  it('describes the NetworkPolicy fields shown on hover', () => {
    const spec = thenOf('NetworkPolicy').properties!.spec as JSONSchema;
    const ingress = (spec.properties!.ingress as JSONSchema).items as JSONSchema;
    const peer = (ingress.properties!.from as JSONSchema).items as JSONSchema;
    const port = (ingress.properties!.ports as JSONSchema).items as JSONSchema;
    for (const s of [
      spec.properties!.podSelector,
      spec.properties!.policyTypes,
      ingress.properties!.from,
      peer.properties!.ipBlock,
      port.properties!.endPort,
    ]) {
      expect((s as JSONSchema).description).toMatch(/\w{3,}/);
    }
    expect(Object.keys(port.properties!)).toEqual(['protocol', 'port', 'endPort']);
  });
});
