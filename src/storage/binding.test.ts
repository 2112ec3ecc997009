// Binding as the PV controller and the scheduler do it: a table of scenes with the binding each
// claim must get and the reason given for every candidate PV. Rules checked against
// k8s.io/component-helpers storage/volume FindMatchingVolume and pv_controller.go syncUnboundClaim.
import { describe, expect, it } from 'vitest';
import { candidateText, claimSummary } from './binding-text';
import type { VolumeSimulation } from './pv-controller';
import { csiDriver, node, pod, pv, pvc, settle, storageClass } from '../testing/storage-scenes';

const bindings = (sim: VolumeSimulation): Record<string, string> =>
  Object.fromEntries(
    sim.claims.map((c) => [c.key, c.phase === 'Bound' ? c.volume! : `Pending:${c.wait?.why}`]),
  );

/** The reason line per candidate PV for one claim, in English. */
function reasons(sim: VolumeSimulation, claim = 'default/data'): string[] {
  const r = sim.claims.find((c) => c.key === claim)!;
  const volumeOf = (n: string) => sim.volumes.find((v) => v.pv.name === n)?.pv;
  return r.candidates.map((c) => candidateText(c, r, volumeOf).en);
}

describe('static binding: which PV a claim gets', () => {
  it.each([
    {
      name: 'the smallest PV that fits wins',
      objects: [
        pv('pv-5', { size: '5Gi' }),
        pv('pv-20', { size: '20Gi' }),
        pv('pv-100', { size: '100Gi' }),
        pvc('data'),
      ],
      want: { 'default/data': 'pv-20' },
      why: [
        'pv-5: 5Gi < 10Gi requested',
        'pv-20: chosen: 20Gi for a 10Gi request, since nothing smaller fits; the claim gets the whole PV',
        'pv-100: fits, but pv-20 is smaller: the controller takes the smallest PV that fits',
      ],
    },
    {
      name: 'an exact fit is chosen over a bigger one',
      objects: [pv('pv-big', { size: '100Gi' }), pv('pv-exact', { size: '10Gi' }), pvc('data')],
      want: { 'default/data': 'pv-exact' },
      why: [
        'pv-big: fits, but pv-exact is smaller: the controller takes the smallest PV that fits',
        'pv-exact: chosen: the smallest PV that satisfies the claim',
      ],
    },
    {
      name: 'units compare exactly: 10G is less than 10Gi',
      objects: [pv('pv-g', { size: '10G' }), pv('pv-mi', { size: '10240Mi' }), pvc('data')],
      want: { 'default/data': 'pv-mi' },
      why: ['pv-g: 10G < 10Gi requested', 'pv-mi: chosen: the smallest PV that satisfies the claim'],
    },
    {
      name: 'access modes must be a superset: ROX does not offer RWO',
      objects: [pv('pv-rox', { modes: ['ReadOnlyMany'], size: '20Gi' }), pvc('data')],
      want: { 'default/data': 'Pending:no-match-no-class' },
      why: ['pv-rox: ReadOnlyMany (ROX) does not offer ReadWriteOnce (RWO)'],
    },
    {
      name: 'PVs with the fewest access modes are searched first, even when bigger',
      objects: [
        pv('pv-multi', { modes: ['ReadWriteOnce', 'ReadOnlyMany'], size: '10Gi' }),
        pv('pv-rwo', { size: '50Gi' }),
        pvc('data', { size: '5Gi' }),
      ],
      want: { 'default/data': 'pv-rwo' },
      why: [
        'pv-multi: fits, but pv-rwo offers fewer access modes: the controller searches the PVs with the fewest modes first, even when they are bigger',
        'pv-rwo: chosen: 50Gi for a 5Gi request, since nothing smaller fits; the claim gets the whole PV',
      ],
    },
    {
      name: 'storageClassName must be equal',
      objects: [pv('pv-slow', { cls: 'slow' }), pvc('data', { cls: 'fast' })],
      want: { 'default/data': 'Pending:class-not-found' },
      why: ['pv-slow: storageClassName "slow", the claim asks for "fast"'],
    },
    {
      name: 'the selector filters PVs by label',
      objects: [
        pv('pv-silver', { labels: { tier: 'silver' } }),
        pv('pv-gold', { labels: { tier: 'gold' }, size: '50Gi' }),
        pvc('data', { selector: { tier: 'gold' } }),
      ],
      want: { 'default/data': 'pv-gold' },
      why: [
        "pv-silver: its labels do not match the claim's selector: needs tier=gold (it has tier=silver)",
        'pv-gold: chosen: 50Gi for a 10Gi request, since nothing smaller fits; the claim gets the whole PV',
      ],
    },
    {
      name: 'volumeMode must be equal (both default to Filesystem)',
      objects: [pv('pv-block', { volumeMode: 'Block' }), pvc('data')],
      want: { 'default/data': 'Pending:no-match-no-class' },
      why: ['pv-block: volumeMode Block, the claim wants Filesystem'],
    },
    {
      name: 'spec.volumeName picks the PV, bigger or not',
      objects: [
        pv('pv-a', { size: '10Gi' }),
        pv('pv-b', { size: '80Gi' }),
        pvc('data', { volumeName: 'pv-b' }),
      ],
      want: { 'default/data': 'pv-b' },
      why: [],
    },
    {
      name: 'a PV pre-bound by claimRef goes to that claim only',
      objects: [
        pv('pv-reserved', { size: '10Gi', claimRef: { name: 'db' } }),
        pv('pv-other', { size: '40Gi' }),
        pvc('data'),
        pvc('db', { size: '1Gi' }),
      ],
      want: { 'default/data': 'pv-other', 'default/db': 'pv-reserved' },
      why: [
        'pv-reserved: reserved for default/db by its spec.claimRef',
        'pv-other: chosen: 40Gi for a 10Gi request, since nothing smaller fits; the claim gets the whole PV',
      ],
    },
    {
      name: 'two claims, one PV: the first in the files binds, the second waits',
      objects: [pv('only'), pvc('first'), pvc('data')],
      want: { 'default/first': 'only', 'default/data': 'Pending:no-match-no-class' },
      why: ['only: already bound to default/first'],
    },
    {
      name: 'a Released PV (its claimRef names a deleted claim) cannot be bound',
      objects: [pv('pv-old', { claimRef: { name: 'gone', uid: 'u-1' } }), pvc('data')],
      want: { 'default/data': 'Pending:no-match-no-class' },
      why: [
        'pv-old: Released: its claimRef still names default/gone, a claim that is gone; no other claim can bind it until an admin removes spec.claimRef',
      ],
    },
  ])('$name', ({ objects, want, why }) => {
    const sim = settle(...objects);
    expect(bindings(sim)).toEqual(want);
    if (why.length > 0) expect(reasons(sim)).toEqual(why);
  });
});

describe('storageClassName: "" versus unset, and the default class', () => {
  const classless = pv('pv-plain');
  it('unset, no default class: binds PVs without a class', () => {
    expect(bindings(settle(classless, pvc('data')))).toEqual({ 'default/data': 'pv-plain' });
  });
  it('unset with a default class: the claim gets that class and is provisioned, the classless PV is not used', () => {
    const sim = settle(
      classless,
      storageClass('standard', { isDefault: true }),
      csiDriver('ebs.csi.aws.com'),
      pvc('data'),
    );
    const claim = sim.claims[0]!;
    expect(claim.claim.storageClassName).toBe('standard');
    expect(claim.claim.defaultedClass).toBe(true);
    expect(claim.via).toBe('provisioned');
    expect(claim.volume).toMatch(/^pvc-[0-9a-f]{8}-/);
    expect(reasons(sim)).toEqual(['pv-plain: storageClassName "" (no class), the claim asks for "standard"']);
  });
  it('"" with a default class: the claim asks for no class and binds the classless PV', () => {
    const sim = settle(classless, storageClass('standard', { isDefault: true }), pvc('data', { cls: '' }));
    expect(bindings(sim)).toEqual({ 'default/data': 'pv-plain' });
    expect(sim.claims[0]!.claim.defaultedClass).toBe(false);
  });
});

describe('spec.volumeName problems keep the claim Pending', () => {
  it.each([
    [pvc('data', { volumeName: 'nope' }), [], 'spec.volumeName asks for PV nope, which does not exist'],
    [
      pvc('data', { volumeName: 'pv-a', cls: 'fast' }),
      [pv('pv-a')],
      'storageClassName "" (no class), the claim asks for "fast"',
    ],
    [pvc('data', { volumeName: 'pv-a', size: '20Gi' }), [pv('pv-a')], '10Gi < 20Gi requested'],
  ])('%#', (claim, volumes, text) => {
    const sim = settle(...volumes, claim);
    expect(sim.claims[0]!.phase).toBe('Pending');
    expect(claimSummary(sim.claims[0]!, () => undefined).en).toContain(text);
  });
});

describe('dynamic provisioning', () => {
  it('a class whose CSI driver is installed provisions a PV of the requested size, bound to the claim', () => {
    const sim = settle(
      storageClass('fast'),
      csiDriver('ebs.csi.aws.com'),
      pvc('data', { cls: 'fast', size: '8Gi' }),
    );
    const made = sim.volumes.find((v) => v.provisionedNow)!;
    expect(made.phase).toBe('Bound');
    expect(made.pv.capacity.text).toBe('8Gi');
    expect(made.pv.reclaimPolicy).toBe('Delete');
    expect(made.pv.provisionedBy).toBe('ebs.csi.aws.com');
  });
  it('without the driver the claim waits for the external provisioner', () => {
    const sim = settle(storageClass('fast'), pvc('data', { cls: 'fast' }));
    expect(bindings(sim)).toEqual({ 'default/data': 'Pending:external-provisioner' });
  });
  it('kubernetes.io/no-provisioner never provisions', () => {
    const sim = settle(
      storageClass('local', { provisioner: 'kubernetes.io/no-provisioner' }),
      pvc('data', { cls: 'local' }),
    );
    expect(bindings(sim)).toEqual({ 'default/data': 'Pending:no-provisioner' });
  });
  it('a matching static PV of the class is used before provisioning', () => {
    const sim = settle(
      storageClass('fast'),
      csiDriver('ebs.csi.aws.com'),
      pv('pv-fast', { cls: 'fast' }),
      pvc('data', { cls: 'fast' }),
    );
    expect(bindings(sim)).toEqual({ 'default/data': 'pv-fast' });
  });
});

describe('WaitForFirstConsumer', () => {
  const local = storageClass('local', { provisioner: 'kubernetes.io/no-provisioner', wait: true });
  const nodes = [node('node-1'), node('node-2')];
  const localPv = pv('pv-n2', { cls: 'local', local: '/disks/a', node: 'node-2' });

  it('without a pod the claim waits, and no PV is considered', () => {
    const sim = settle(local, ...nodes, localPv, pvc('data', { cls: 'local' }));
    expect(bindings(sim)).toEqual({ 'default/data': 'Pending:wait-for-consumer' });
    expect(reasons(sim)).toEqual([
      'pv-n2: not considered yet: the class binds WaitForFirstConsumer, so a PV is picked when a pod using the claim is scheduled',
    ]);
  });
  it('a pod is scheduled to the node where the PV is, and the claim binds then', () => {
    const sim = settle(
      local,
      ...nodes,
      localPv,
      pvc('data', { cls: 'local' }),
      pod('db', { claims: ['data'] }),
    );
    expect(bindings(sim)).toEqual({ 'default/data': 'pv-n2' });
    expect(sim.claims[0]!.via).toBe('scheduler');
    expect(sim.pods[0]).toMatchObject({ node: 'node-2', status: 'Running' });
  });
  it('spec.nodeName bypasses the scheduler: the claim never binds', () => {
    const sim = settle(
      local,
      ...nodes,
      localPv,
      pvc('data', { cls: 'local' }),
      pod('db', { claims: ['data'], nodeName: 'node-2' }),
    );
    expect(bindings(sim)).toEqual({ 'default/data': 'Pending:node-name-bypass' });
    expect(sim.pods[0]!.status).toBe('ContainerCreating');
  });
  it('a nodeSelector that excludes the PV node leaves the pod unschedulable, with a reason per node', () => {
    const sim = settle(
      local,
      node('node-1', { disk: 'ssd' }),
      node('node-2'),
      localPv,
      pvc('data', { cls: 'local' }),
      pod('db', { claims: ['data'], nodeSelector: { disk: 'ssd' } }),
    );
    expect(bindings(sim)).toEqual({ 'default/data': 'Pending:pod-unschedulable' });
    const problem = sim.pods[0]!.problems[0]!;
    expect(problem.why).toBe('unschedulable');
    expect(
      problem.why === 'unschedulable' && problem.nodes.map((n) => [n.node, n.problems.map((p) => p.why)]),
    ).toEqual([
      ['node-1', ['no-volume']],
      ['node-2', ['node-selector']],
    ]);
  });
  it('with a provisioner, the volume is created for the node the pod was scheduled to', () => {
    const sim = settle(
      storageClass('zonal', { wait: true, zones: ['zone-b'] }),
      csiDriver('ebs.csi.aws.com'),
      node('node-a', { 'topology.kubernetes.io/zone': 'zone-a' }),
      node('node-b', { 'topology.kubernetes.io/zone': 'zone-b' }),
      pvc('data', { cls: 'zonal' }),
      pod('db', { claims: ['data'] }),
    );
    const claim = sim.claims[0]!;
    expect(claim).toMatchObject({ phase: 'Bound', via: 'scheduler-provisioned', selectedNode: 'node-b' });
    const made = sim.volumes.find((v) => v.pv.name === claim.volume)!;
    expect(made.pv.nodeAffinity[0]!.matchExpressions).toEqual([
      { key: 'topology.kubernetes.io/zone', operator: 'In', values: ['zone-b'] },
    ]);
  });
});

describe('pods and access modes', () => {
  it('an unbound Immediate claim keeps its pod Pending', () => {
    const sim = settle(pvc('data'), pod('db', { claims: ['data'] }));
    expect(sim.pods[0]!.problems.map((p) => p.why)).toEqual(['unbound-claims']);
    expect(sim.pods[0]!.status).toBe('Pending');
  });
  it('a missing claim keeps its pod Pending', () => {
    const sim = settle(pod('db', { claims: ['nope'] }));
    expect(sim.pods[0]!.problems).toEqual([{ why: 'claim-missing', claim: 'default/nope' }]);
  });
  it('ReadWriteOncePod: a second pod cannot be scheduled', () => {
    const sim = settle(
      pv('pv-a', { modes: ['ReadWriteOncePod'] }),
      pvc('data', { modes: ['ReadWriteOncePod'] }),
      pod('one', { claims: ['data'] }),
      pod('two', { claims: ['data'] }),
    );
    expect(sim.pods.map((p) => p.status)).toEqual(['Running', 'Pending']);
  });
  it('ReadWriteOnce on an attachable CSI volume: a pod on another node hits Multi-Attach', () => {
    const sim = settle(
      csiDriver('ebs.csi.aws.com'),
      node('node-1'),
      node('node-2'),
      pv('pv-ebs', { csi: { driver: 'ebs.csi.aws.com', handle: 'vol-1' } }),
      pvc('data'),
      pod('one', { claims: ['data'], nodeName: 'node-1' }),
      pod('two', { claims: ['data'], nodeName: 'node-2' }),
      pod('three', { claims: ['data'], nodeName: 'node-1' }),
    );
    expect(sim.pods.map((p) => p.status)).toEqual(['Running', 'ContainerCreating', 'Running']);
    expect(sim.pods[1]!.problems[0]).toMatchObject({
      why: 'multi-attach',
      usedBy: ['default/one', 'default/three'],
    });
  });
  it('ReadWriteOnce on hostPath is not enforced across nodes: a note, not an error', () => {
    const sim = settle(
      node('node-1'),
      node('node-2'),
      pv('pv-a'),
      pvc('data'),
      pod('one', { claims: ['data'], nodeName: 'node-1' }),
      pod('two', { claims: ['data'], nodeName: 'node-2' }),
    );
    expect(sim.pods.map((p) => p.status)).toEqual(['Running', 'Running']);
    expect(sim.pods[1]!.notes.map((n) => n.why)).toEqual(['rwo-not-enforced']);
  });
  it('ReadWriteMany on several nodes is fine', () => {
    const sim = settle(
      node('node-1'),
      node('node-2'),
      pv('pv-nfs', { modes: ['ReadWriteMany'], nfs: '/exports/a' }),
      pvc('data', { modes: ['ReadWriteMany'] }),
      pod('one', { claims: ['data'], nodeName: 'node-1' }),
      pod('two', { claims: ['data'], nodeName: 'node-2' }),
    );
    expect(sim.pods.map((p) => [p.status, p.notes.length])).toEqual([
      ['Running', 0],
      ['Running', 0],
    ]);
  });
});
