// The CSI call sequence: who calls whom, in which order, and which steps a driver without
// attach, a static PV or a Retain policy leaves out (CSI spec; kubernetes-csi sidecars).
import { describe, expect, it } from 'vitest';
import { csiSequence, CSI_ABOUT, stagingPath } from './csi-calls';
import { csiDriver, pod, pvc, settle, storageClass } from '../testing/storage-scenes';

function sequence(attachRequired: boolean, deleteVolume: boolean, dynamic = true) {
  const sim = settle(
    storageClass('fast'),
    csiDriver('ebs.csi.aws.com', attachRequired),
    pvc('data', { cls: 'fast' }),
    pod('db', { claims: ['data'] }),
  );
  const claim = sim.claims[0]!;
  const pv = sim.volumes.find((v) => v.pv.name === claim.volume)!.pv;
  return csiSequence({
    claim: claim.claim,
    pv,
    driver: 'ebs.csi.aws.com',
    attachRequired,
    dynamic,
    pod: { key: 'default/db', node: sim.pods[0]!.node!, mountPaths: ['/data/data'], readOnly: false },
    deleteVolume,
  });
}

const calls = (steps: ReturnType<typeof sequence>) => steps.map((s) => `${s.from} → ${s.to}: ${s.name}`);

describe('the CSI sequence', () => {
  it('provision, attach, stage, publish, and the reverse, each from the component that makes the call', () => {
    expect(calls(sequence(true, true))).toEqual([
      'api-server → external-provisioner: PVC watched',
      'external-provisioner → csi-controller: CreateVolume',
      'csi-controller → storage: create disk',
      'external-provisioner → api-server: PV created',
      'kube-scheduler → api-server: Pod scheduled',
      'attach-detach-controller → api-server: VolumeAttachment created',
      'external-attacher → csi-controller: ControllerPublishVolume',
      'csi-controller → storage: attach disk',
      'kubelet → csi-node: NodeStageVolume',
      'kubelet → csi-node: NodePublishVolume',
      'kubelet → csi-node: NodeUnpublishVolume',
      'kubelet → csi-node: NodeUnstageVolume',
      'external-attacher → csi-controller: ControllerUnpublishVolume',
      'external-provisioner → csi-controller: DeleteVolume',
    ]);
  });

  it('a driver with attachRequired: false has no VolumeAttachment and no (Un)PublishVolume on the controller', () => {
    const names = sequence(false, false).map((s) => s.name);
    expect(names).not.toContain('VolumeAttachment created');
    expect(names).not.toContain('ControllerPublishVolume');
    expect(names).not.toContain('ControllerUnpublishVolume');
    expect(names).not.toContain('DeleteVolume');
  });

  it('a static PV has no CreateVolume', () => {
    expect(sequence(true, false, false).map((s) => s.name)[0]).toBe('Pod scheduled');
  });

  it('carries the access mode as a CSI capability and the kubelet paths', () => {
    const steps = sequence(true, false);
    expect(steps.find((s) => s.name === 'CreateVolume')!.carries).toContain(
      'capacity_range: {required_bytes: 10737418240}',
    );
    expect(steps.find((s) => s.name === 'ControllerPublishVolume')!.carries.join(' ')).toContain(
      'SINGLE_NODE_WRITER',
    );
    const publish = steps.find((s) => s.name === 'NodePublishVolume')!.carries.join('\n');
    expect(publish).toMatch(
      /target_path: \/var\/lib\/kubelet\/pods\/.*\/volumes\/kubernetes\.io~csi\/pvc-.*\/mount/,
    );
    expect(stagingPath('d', 'h')).toMatch(
      /^\/var\/lib\/kubelet\/plugins\/kubernetes\.io\/csi\/d\/[0-9a-f]{64}\/globalmount$/,
    );
  });

  it('says CSI is a standard beyond Kubernetes', () => {
    expect(CSI_ABOUT.en).toContain('any orchestrator');
    expect(CSI_ABOUT.ko).toContain('어떤 오케스트레이터');
  });
});
