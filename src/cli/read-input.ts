// The files a command reads, as text: UTF-8 or UTF-16 with a BOM (as kubectl reads them); a binary
// file, an empty one or closed standard input is one line and exit 1, not pages of YAML errors.
import { readFileSync, statSync } from 'node:fs';
import { MAX_FILE_BYTES } from '../lib/scene-file';
import type { ManifestFile } from '../k8s/source';
import { decodeTextFile } from '../lib/text-file';
import { shown } from '../lib/user-text';
import { UsageError } from './args';

/** The input is there but unusable (exit 1). */
export class InputError extends Error {}

export function readInputs(names: readonly string[]): ManifestFile[] {
  return names.map((name) => {
    const label = name === '-' ? '<stdin>' : name;
    let bytes: Uint8Array;
    // The page's limit, so whatever the CLI answers on, the page opens too (checked before reading).
    const tooLarge = () =>
      new InputError(
        `${shown(label)}: larger than ${MAX_FILE_BYTES / 1_000_000} MB (netlab reads files up to that size, in the page too); leave out what netlab does not read, e.g. kubectl get pods,services,endpointslices,networkpolicies,nodes,namespaces -A -o yaml`,
      );
    try {
      if (name !== '-' && statSync(name).size > MAX_FILE_BYTES) throw tooLarge();
      bytes = readFileSync(name === '-' ? 0 : name);
    } catch (e) {
      if (e instanceof InputError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      // Standard input closed (`<&-`) or unreadable: there is nothing to read.
      if (name === '-') throw new InputError('<stdin>: no input');
      const why =
        code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot be read';
      throw new UsageError(`${shown(name)}: ${why}`);
    }
    if (bytes.length > MAX_FILE_BYTES) throw tooLarge();
    const text = decodeTextFile(bytes);
    if ('problem' in text)
      throw new InputError(
        text.problem === 'empty'
          ? `${shown(label)}: no input${name === '-' ? '' : ' (the file is empty)'}`
          : `${shown(label)}: not a text file (netlab reads YAML or JSON in UTF-8 or UTF-16)`,
      );
    return { name: label, text: text.text };
  });
}
