// Deleting a claim: the reclaim policy of its PV (pv_controller.go reclaimVolume, the hostPath
// deleter's /tmp/.+ rule, recycling only for hostPath and NFS), and the pods that hold it.
import { describe, expect, it } from 'vitest';
import { deleteClaim } from './delete-claim';
import { reclaimText } from './lifecycle-text';
import { csiDriver, pod, pv, pvc, settle, storageClass } from '../testing/storage-scenes';

function afterDelete(...objects: Parameters<typeof settle>) {
  const d = deleteClaim(settle(...objects), 'default/data');
  if (!d) throw new Error('no claim default/data');
  return d;
}

describe('deleting a claim', () => {
  it.each([
    {
      name: 'Retain: the PV is Released and keeps its claimRef',
      objects: [pv('pv-a', { reclaim: 'Retain' }), pvc('data')],
      phase: 'Released',
      text: 'Released: Retain keeps the PV and its data (/mnt/pv-a)',
    },
    {
      name: 'Retain is the default for a PV made by hand',
      objects: [pv('pv-a'), pvc('data')],
      phase: 'Released',
      text: 'Released: Retain keeps',
    },
    {
      name: 'Delete on hostPath outside /tmp: the deleter refuses, the PV is Failed',
      objects: [pv('pv-a', { reclaim: 'Delete', hostPath: '/mnt/data' }), pvc('data')],
      phase: 'Failed',
      text: 'Failed: host_path deleter only supports /tmp/.+ but received provided /mnt/data',
    },
    {
      name: 'Delete on hostPath under /tmp: deleted',
      objects: [pv('pv-a', { reclaim: 'Delete', hostPath: '/tmp/data' }), pvc('data')],
      phase: 'deleted',
      text: 'Deleted: the hostPath deleter removed /tmp/data',
    },
    {
      name: 'Recycle on hostPath: scrubbed and Available again (deprecated)',
      objects: [pv('pv-a', { reclaim: 'Recycle' }), pvc('data')],
      phase: 'Available',
      text: 'Available again: Recycle (deprecated',
    },
    {
      name: 'Recycle on a CSI volume: no recycler, Failed',
      objects: [pv('pv-a', { reclaim: 'Recycle', csi: { driver: 'x.csi', handle: 'v1' } }), pvc('data')],
      phase: 'Failed',
      text: 'Failed: No recycler plugin found for the volume!',
    },
    {
      name: 'Delete on a static CSI PV: the external-provisioner leaves it Released',
      objects: [
        pv('pv-a', { reclaim: 'Delete', csi: { driver: 'x.csi', handle: 'v1' } }),
        csiDriver('x.csi'),
        pvc('data'),
      ],
      phase: 'Released',
      text: 'only deletes the volumes it made',
    },
    {
      name: 'Delete on a provisioned PV: DeleteVolume, the PV and the data go',
      objects: [storageClass('fast'), csiDriver('ebs.csi.aws.com'), pvc('data', { cls: 'fast' })],
      phase: 'deleted',
      text: 'Deleted: the external-provisioner called DeleteVolume',
    },
  ])('$name', ({ objects, phase, text }) => {
    const d = afterDelete(...objects);
    const result = d.deleted ?? d.after!;
    expect(d.deleted ? 'deleted' : d.after!.phase).toBe(phase);
    expect(reclaimText(result.reclaim!, result).en).toContain(text);
  });

  it('a recycled PV is bound again by a claim that was waiting', () => {
    const d = afterDelete(pv('pv-a', { reclaim: 'Recycle' }), pvc('data'), pvc('next'));
    expect(d.simulation.claims.map((c) => [c.key, c.phase, c.volume])).toEqual([
      ['default/next', 'Bound', 'pv-a'],
    ]);
  });

  it('a Released PV stays unusable for a waiting claim', () => {
    const d = afterDelete(pv('pv-a'), pvc('data'), pvc('next'));
    expect(d.simulation.claims.map((c) => [c.key, c.phase])).toEqual([['default/next', 'Pending']]);
  });

  it('pods that mount the claim are listed (pvc-protection keeps it until they are gone)', () => {
    const d = afterDelete(
      pv('pv-a'),
      pvc('data'),
      pod('db', { claims: ['data'] }),
      pod('other', { claims: [] }),
    );
    expect(d.inUseBy).toEqual(['default/db']);
    expect(d.simulation.pods.map((p) => p.key)).toEqual(['default/other']);
  });

  it('other bindings survive the deletion unchanged', () => {
    const d = afterDelete(
      pv('pv-a'),
      pv('pv-b', { size: '20Gi' }),
      pvc('data'),
      pvc('keep', { size: '15Gi' }),
    );
    expect(d.simulation.claims.map((c) => [c.key, c.volume])).toEqual([['default/keep', 'pv-b']]);
  });

  it('an unknown claim gives undefined', () => {
    expect(deleteClaim(settle(pvc('data')), 'default/nope')).toBeUndefined();
  });
});
