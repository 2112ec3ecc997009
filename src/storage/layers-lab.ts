// The layers lab from its files: Dockerfiles, build-context files and a docker session script,
// given as separate files (the CLI) or as one txtar text (the editor, lessons). Runs the session
// (or, without one, builds every Dockerfile in order) and returns the host and every diagnostic.
import { compareDiagnostics, type Diagnostic } from '../lib/diagnostic';
import type { ManifestFile } from '../k8s/source';
import { parseDockerScript, type DockerCommand } from './docker-commands';
import { DockerHost, parseDockerfiles } from './docker-host';
import { dockerTree, type TreeNode } from './docker-tree';
import type { ImageBuild } from './image-build';
import { parseTxtar } from './txtar';

export interface LayersLab {
  readonly host: DockerHost;
  /** Every build, in the order it ran. */
  readonly builds: readonly ImageBuild[];
  readonly tree: TreeNode;
  readonly diagnostics: readonly Diagnostic[];
  readonly hasErrors: boolean;
  /** The session script ran (else every Dockerfile was built in order). */
  readonly scripted: boolean;
}

interface LabFile {
  readonly name: string;
  readonly text: string;
  readonly lineOffset: number;
  /** The file diagnostics name (the archive's, for a file inside one). */
  readonly file: string;
}

/** `Dockerfile`, `Dockerfile2`, `Dockerfile.v2`, `app.Dockerfile`, `api/Dockerfile`. */
export const isDockerfileName = (name: string): boolean =>
  /(^|\/)Dockerfile[\w.-]*$/i.test(name) || /\.dockerfile$/i.test(name);

/** The session script: `*.sh`. */
export const isScriptName = (name: string): boolean => /\.sh$/i.test(name);

/** The tag netlab gives an image built without `docker build -t` (the file name, lower case). */
export const defaultTag = (file: string): string => file.toLowerCase().replace(/[^a-z0-9._/-]/g, '-');

/** Expands txtar archives into their files; a plain file stands for itself. */
function expand(files: readonly ManifestFile[]): LabFile[] {
  return files.flatMap((f) => {
    const archive = parseTxtar(f.text);
    if (!archive) return [{ name: f.name.split('/').pop()!, text: f.text, lineOffset: 0, file: f.name }];
    return archive.files.map((a) => ({ name: a.name, text: a.text, lineOffset: a.lineOffset, file: f.name }));
  });
}

/** A plain file that is neither named like a Dockerfile nor a script, but starts like one. */
const looksLikeDockerfile = (text: string): boolean => /^\s*(#.*\n\s*)*(ARG\b.*\n\s*)*FROM\s/i.test(text);

export function loadLayersLab(files: readonly ManifestFile[]): LayersLab {
  const out: Diagnostic[] = [];
  const all = expand(files);
  const single = all.length === files.length;
  const dockerfiles = all.filter(
    (f) => isDockerfileName(f.name) || (single && !isScriptName(f.name) && looksLikeDockerfile(f.text)),
  );
  const scripts = all.filter((f) => isScriptName(f.name));
  const context = new Map(
    all.filter((f) => !dockerfiles.includes(f) && !scripts.includes(f)).map((f) => [f.name, f.text]),
  );
  const parsed = parseDockerfiles(dockerfiles, out);
  // The Dockerfiles and the script stay out of the context (as if .dockerignore listed them).
  // Without an archive or context files, COPY and ADD copy files netlab cannot see.
  const known = !single || context.size > 0;
  const host = new DockerHost({ dockerfiles: parsed, ...(known ? { context } : {}) }, out);
  const commands: DockerCommand[] = scripts.flatMap((s) =>
    parseDockerScript(s.file, s.text, out, s.lineOffset),
  );
  if (scripts.length > 0) host.run(commands);
  else for (const f of dockerfiles) host.build(f.name, defaultTag(f.name));
  const builds = host.steps.flatMap((s) => s.effects.flatMap((e) => (e.kind === 'built' ? [e.image] : [])));
  out.sort(compareDiagnostics);
  return {
    host,
    builds: scripts.length > 0 ? builds : [...host.builder.images.values()],
    tree: dockerTree(host),
    diagnostics: out,
    hasErrors: out.some((d) => d.severity === 'error'),
    scripted: scripts.length > 0,
  };
}
