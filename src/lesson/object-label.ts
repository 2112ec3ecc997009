// How checks name an object of the scenario in their messages (check-object and editable share it).
import { isNamespaced } from '../k8s/load-cluster';

/** `NetworkPolicy prod/web-deny-all`, `Namespace prod`; a kind netlab does not know keeps a namespace it was given. */
export function objectLabel(o: { kind: string; namespace?: string; name?: string }): string {
  const ns = (isNamespaced(o.kind) ?? o.namespace !== undefined) ? `${o.namespace ?? 'default'}/` : '';
  return `${o.kind} ${ns}${o.name ?? '*'}`;
}
