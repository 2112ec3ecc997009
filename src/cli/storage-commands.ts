// The storage lab's commands, `netlab storage` and `netlab layers`, dispatched from main.ts.
import type { ManifestFile } from '../k8s/source';
import { UsageError, type CliArgs } from './args';
import { runLayers } from './render-layers';
import { runStorage } from './render-storage';
import type { CommandResult } from './command-result';

/** The result of a storage-lab command; undefined for any other command. */
export function runStorageLab(
  args: CliArgs,
  readFiles: (names: readonly string[]) => ManifestFile[],
): CommandResult | undefined {
  if (args.command !== 'storage' && args.command !== 'layers') {
    if (args.deleteClaim !== undefined) throw new UsageError('--delete-claim is an option of netlab storage');
    return undefined;
  }
  if (args.ports.length > 0 || args.peers.length > 0 || args.from !== undefined || args.to !== undefined)
    throw new UsageError(`${args.command} takes no --port, --peer, --from or --to`);
  if (args.command === 'layers' && args.deleteClaim !== undefined)
    throw new UsageError('--delete-claim is an option of netlab storage');
  const files = readFiles(args.files);
  return args.command === 'storage' ? runStorage(args, files) : runLayers(args, files);
}
