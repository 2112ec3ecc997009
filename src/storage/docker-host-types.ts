// What a docker host holds and what each command did to it: mounts, the files of a container's
// read-write layer, volumes, and the effects the lab words and draws.
import type { DockerCommand } from './docker-commands';
import type { ImageBuild } from './image-build';

export interface Mount {
  readonly type: 'volume' | 'bind' | 'tmpfs';
  /** The volume's name, or the host directory. */
  readonly source: string;
  readonly target: string;
  readonly readOnly: boolean;
  readonly anonymous: boolean;
}

/** A file in a container's read-write layer (overlay2's upperdir). */
export interface UpperEntry {
  readonly path: string;
  /** copied-up: a lower file copied before its first change; new: not in any image layer; whiteout: deleted. */
  readonly kind: 'copied-up' | 'new' | 'whiteout';
  /** For copied-up and whiteout: the image layer (its instruction) that has the original. */
  readonly layer?: string;
}

export interface Container {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  /** Built in this lab (known layers), or pulled from a registry (contents unknown). */
  readonly built: boolean;
  readonly mounts: readonly Mount[];
  state: 'running' | 'exited' | 'removed';
  readonly upper: Map<string, UpperEntry>;
  readonly removeVolumesOnExit: boolean;
}

export interface Volume {
  readonly name: string;
  readonly driver: string;
  readonly anonymous: boolean;
  /** Paths relative to the volume's _data directory. */
  readonly files: Set<string>;
  removed: boolean;
}

export type Effect =
  | { readonly kind: 'built'; readonly image: ImageBuild }
  | { readonly kind: 'volume-created'; readonly volume: string; readonly implicit: boolean }
  | { readonly kind: 'volume-removed'; readonly volume: string }
  | {
      readonly kind: 'container-created';
      readonly container: string;
      readonly image: string;
      readonly built: boolean;
    }
  | { readonly kind: 'copy-up'; readonly container: string; readonly path: string; readonly layer: string }
  | {
      readonly kind: 'upper-write';
      readonly container: string;
      readonly path: string;
      readonly entry: UpperEntry['kind'];
    }
  | { readonly kind: 'whiteout'; readonly container: string; readonly path: string; readonly layer: string }
  | { readonly kind: 'mount-write'; readonly container: string; readonly path: string; readonly mount: Mount }
  | { readonly kind: 'container-state'; readonly container: string; readonly state: Container['state'] }
  | {
      readonly kind: 'container-removed';
      readonly container: string;
      readonly lost: readonly string[];
      readonly volumesRemoved: readonly string[];
      readonly volumesKept: readonly string[];
    }
  | { readonly kind: 'host-write'; readonly path: string; readonly context: boolean }
  | { readonly kind: 'unknown-program'; readonly program: string };

export interface HostStep {
  readonly command: DockerCommand;
  readonly effects: readonly Effect[];
}
