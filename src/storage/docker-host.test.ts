// The docker host: copy-on-write into a container's read-write layer, what `docker rm` loses,
// named volumes and bind mounts that outlive containers, the CLI's mount syntax and errors.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../lib/diagnostic';
import { bindMounts, TREE_NOTE, type TreeNode } from './docker-tree';
import { loadLayersLab } from './layers-lab';
import { effectText } from './layers-text';

const DOCKERFILE = `# size: 120MB
FROM ubuntu
# size: 229MB
COPY app.py /opt/source-code/app.py
`;

function session(script: string) {
  return loadLayersLab([
    {
      name: 'lab.txtar',
      text: `-- Dockerfile --\n${DOCKERFILE}-- app.py --\nprint(1)\n-- session.sh --\n${script}`,
    },
  ]);
}

const effects = (l: ReturnType<typeof session>) =>
  l.host.steps.flatMap((s) => s.effects.map((e) => effectText(e).en));
const errors = (l: ReturnType<typeof session>) => l.diagnostics.map((d) => formatDiagnostic(d));

function find(node: TreeNode, path: string[]): TreeNode | undefined {
  if (path.length === 0) return node;
  const next = node.children.find((c) => c.name === path[0]);
  return next && find(next, path.slice(1));
}

describe('copy-on-write', () => {
  it('a container edits app.py: copy-up into its layer, the image unchanged, a second container unaffected', () => {
    const l = session(
      'docker build -t web .\ndocker run -d --name a web\ndocker run -d --name b web\ndocker exec a sh -c "echo x >> /opt/source-code/app.py"\n',
    );
    expect(errors(l)).toEqual([]);
    expect(effects(l)[3]).toContain(
      'a writes /opt/source-code/app.py: copy-up, the file is copied from the image layer "COPY app.py /opt/source-code/app.py"',
    );
    const [a, b] = l.host.containers;
    expect([...a!.upper.values()]).toEqual([
      { path: '/opt/source-code/app.py', kind: 'copied-up', layer: 'COPY app.py /opt/source-code/app.py' },
    ]);
    expect(b!.upper.size).toBe(0);
  });

  it('deleting a file of the image writes a whiteout', () => {
    const l = session(
      'docker build -t web .\ndocker run -d --name a web\ndocker exec a rm /opt/source-code/app.py\n',
    );
    expect([...l.host.containers[0]!.upper.values()][0]).toMatchObject({ kind: 'whiteout' });
  });

  it('docker rm loses the container layer; a relative path starts at the WORKDIR', () => {
    const l = loadLayersLab([
      {
        name: 'lab.txtar',
        text: `-- Dockerfile --\nFROM ubuntu\nWORKDIR /srv\n-- s.sh --\ndocker build -t w .\ndocker run --name a w\ndocker exec a touch notes.txt\ndocker stop a\ndocker rm a\n`,
      },
    ]);
    expect(errors(l)).toEqual([]);
    expect(effects(l).at(-1)).toBe('container a removed with its read-write layer: lost /srv/notes.txt');
  });

  it('removing a running container without -f fails as docker does', () => {
    const l = session('docker build -t web .\ndocker run -d --name a web\ndocker rm a\n');
    expect(errors(l)).toEqual([
      'lab.txtar:11:1: error: Error response from daemon: cannot remove container "/a": container is running: stop the container before removing or force remove',
    ]);
  });
});

describe('volumes and bind mounts', () => {
  it('a named volume keeps the data after docker rm', () => {
    const l = session(
      'docker volume create data_volume\ndocker run -d --name db -v data_volume:/var/lib/mysql mysql\ndocker exec db touch /var/lib/mysql/ibdata1\ndocker rm -f db\n',
    );
    expect(errors(l)).toEqual([]);
    expect([...l.host.volumes.get('data_volume')!.files]).toEqual(['ibdata1']);
    expect(find(l.tree, ['volumes', 'data_volume', '_data', 'ibdata1'])).toBeDefined();
  });

  it('-v with a volume that does not exist creates it', () => {
    const l = session('docker run -d --name db -v data:/var/lib/mysql mysql\n');
    expect(effects(l)[0]).toBe('volume data created on the fly for the mount');
  });

  it('--mount type=bind needs the host directory to exist; -v creates it', () => {
    const mount = session(
      'docker run --name db --mount type=bind,source=/data/mysql,target=/var/lib/mysql mysql\n',
    );
    expect(errors(mount)).toEqual([
      'lab.txtar:9:22: error: docker: Error response from daemon: invalid mount config for type "bind": bind source path does not exist: /data/mysql',
    ]);
    const made = session(
      'mkdir -p /data/mysql\ndocker run --name db --mount type=bind,source=/data/mysql,target=/var/lib/mysql mysql\ndocker exec db touch /var/lib/mysql/ibdata1\n',
    );
    expect(errors(made)).toEqual([]);
    expect(bindMounts(made.host)).toEqual([
      { source: '/data/mysql', target: '/var/lib/mysql', container: 'db', files: ['/data/mysql/ibdata1'] },
    ]);
    const v = session('docker run --name db -v /data/mysql:/var/lib/mysql mysql\n');
    expect(errors(v)).toEqual([]);
  });

  it("the notes' --mount with spaces after the commas is an error at the flag", () => {
    const l = session(
      'docker run \\\n  --mount type=bind, \\\n    source=/data/mysql, \\\n    target=/var/lib.mysql \\\n  mysql\n',
    );
    expect(l.diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual(['10:3 docker-mount']);
    expect(l.diagnostics[0]!.message.en).toContain("invalid field '' must be a key=value pair");
  });

  it('a read-only mount refuses writes', () => {
    const l = session(
      'docker run --name db -v data:/var/lib/mysql:ro mysql\ndocker exec db touch /var/lib/mysql/x\n',
    );
    expect(errors(l)[0]).toContain('Read-only file system');
  });

  it('an image VOLUME gets an anonymous volume; docker rm -v removes it, plain rm keeps it', () => {
    const text = (rm: string) =>
      `-- Dockerfile --\nFROM mysql\nVOLUME /var/lib/mysql\n-- s.sh --\ndocker build -t db .\ndocker run --name a db\ndocker exec a touch /var/lib/mysql/x\ndocker stop a\ndocker ${rm} a\n`;
    const kept = loadLayersLab([{ name: 'l', text: text('rm') }]);
    expect(effects(kept).at(-1)).toMatch(
      /^container a removed with its read-write layer; kept volumes [0-9a-f]{12}$/,
    );
    const gone = loadLayersLab([{ name: 'l', text: text('rm -v') }]);
    expect(effects(gone).at(-1)).toMatch(/removed anonymous volumes/);
  });

  it('a volume in use cannot be removed', () => {
    const l = session('docker run -d --name db -v data:/var/lib/mysql mysql\ndocker volume rm data\n');
    expect(errors(l)[0]).toContain('volume is in use');
  });
});

describe('/var/lib/docker', () => {
  it('is one tree with overlay2, image, containers and volumes inside it; layers are shared, not copied', () => {
    const l = session('docker build -t web .\ndocker run -d --name a web\ndocker run -d --name b web\n');
    expect(l.tree.name).toBe('/var/lib/docker');
    expect(l.tree.children.map((c) => c.name)).toEqual([
      'buildkit',
      'containers',
      'image',
      'network',
      'overlay2',
      'plugins',
      'runtimes',
      'swarm',
      'tmp',
      'volumes',
    ]);
    const overlay = find(l.tree, ['overlay2'])!;
    // 2 image layers (once, shared by both containers) + 2 × (init + read-write) + l/
    expect(overlay.children).toHaveLength(1 + 2 + 4);
    expect(find(l.tree, ['aufs'])).toBeUndefined();
    expect(TREE_NOTE.en).toContain('removed in Docker Engine 24');
  });
});
