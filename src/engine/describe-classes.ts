// Peer classes and port classes in words a learner reads (English and Korean): "any pod in a
// namespace other than data (for example a new namespace)", "any address except 10.244.0.0/16",
// "every TCP port except 3306". Korean phrases end in a noun (파드, 주소, 포트), so the sentences
// around them never need a particle chosen by the last word.
// The pieces live beside this file: describe-text (lists, CIDRs), describe-labels,
// describe-pods, describe-addresses and describe-ports; this file puts pods and addresses together.
import type { LocalText } from '../lib/text';
import type { AddressRange } from './address-space';
import type { PeerUniverse } from './peer-classes';
import { addressSetText } from './describe-addresses';
import { podSetText } from './describe-pods';
import { listText } from './describe-text';

export { listText, rangesText } from './describe-text';
export { namespaceText, podClassText, podSetText, subjectText } from './describe-pods';
export { addressSetText } from './describe-addresses';
export { portSetText, type PortSet } from './describe-ports';

/** Pod and outside classes together. */
export function peerSetText(u: PeerUniverse, set: ReadonlySet<number>): LocalText {
  // An unused pod-network address next to the pods that may have it adds nothing for a reader.
  const podRanges = u.pods.filter((p) => set.has(p.index)).flatMap((p) => p.address.ranges);
  const covered = (r: AddressRange): boolean =>
    podRanges.some((x) => x.family === r.family && x.lo <= r.lo && r.hi <= x.hi);
  const everyAddress = u.outside.every((o) => set.has(o.index));
  const shown = new Set(
    [...set].filter(
      (i) => everyAddress || !u.outside.some((o) => o.index === i && o.podNetwork && o.ranges.every(covered)),
    ),
  );
  return listText([...podSetText(u, shown), ...addressSetText(u, shown)], 3);
}
