// `netlab storage` and `netlab layers` as a person or a script runs them: a real process, real
// files, exit status 0 / 1 (input errors, file:line:col on stderr) / 2 (bad usage).
import { describe, expect, it } from 'vitest';
import { netlab, tmpFile } from '../testing/run-netlab';
import { csiDriver, pod, pv, pvc, scene, storageClass } from '../testing/storage-scenes';

const SCENE = tmpFile(
  'pv.yaml',
  scene(
    pv('pv-small', { size: '5Gi' }),
    pv('pv-big', { size: '100Gi' }),
    pv('pv-rox', { size: '20Gi', modes: ['ReadOnlyMany'] }),
    pvc('data'),
    pvc('logs'),
    pod('db', { claims: ['data'] }),
  ),
);

// Each test spawns one or two processes; on a busy machine that takes longer than Vitest's 5 s.
const PROCESS = { timeout: 60_000 };

describe('netlab storage', PROCESS, () => {
  it('prints each binding with a reason per candidate PV', () => {
    const r = netlab(['storage', SCENE]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('default/data  10Gi RWO class=""\n    Bound to pv-big (100Gi)\n');
    expect(r.stdout).toContain('      - pv-small: 5Gi < 10Gi requested\n');
    expect(r.stdout).toContain(
      '    Pending: no persistent volumes available for this claim and no storage class is set\n',
    );
    expect(r.stdout).toContain('      - pv-big: already bound to default/data\n');
    expect(r.stdout).toContain('  default/db  Running on node-1\n');
  });

  it('--json: claims, candidates with rule names, volumes, pods', () => {
    const r = netlab(['storage', SCENE, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['claims', 'volumes', 'pods', 'classes', 'notes']);
    expect(
      out.claims.map((c: { key: string; phase: string; volume?: string }) => [
        c.key,
        c.phase,
        c.volume ?? null,
      ]),
    ).toEqual([
      ['default/data', 'Bound', 'pv-big'],
      ['default/logs', 'Pending', null],
    ]);
    expect(out.claims[1].candidates.map((c: { pv: string; rules: string[] }) => [c.pv, c.rules])).toEqual([
      ['pv-small', ['capacity']],
      ['pv-big', ['claimed']],
      ['pv-rox', ['access-modes']],
    ]);
    expect(out.claims[1].summary.ko).toContain('Pending: ');
  });

  it('--delete-claim: the reclaim policy runs, and what follows', () => {
    const r = netlab(['storage', SCENE, '--delete-claim', 'default/data', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.deletion).toMatchObject({
      claim: 'default/data',
      inUseBy: ['default/db'],
      volume: 'pv-big',
      reclaimPolicy: 'Retain',
      result: 'Released',
    });
    expect(out.deletion.after.claims.map((c: { key: string }) => c.key)).toEqual(['default/logs']);
    const text = netlab(['storage', SCENE, '--delete-claim', 'data', '--lang', 'ko']);
    expect(text.stdout).toContain('클레임 default/data 삭제');
  });

  it('dynamic provisioning with a Delete class: the PV goes with its claim', () => {
    const file = tmpFile(
      'dyn.yaml',
      scene(storageClass('fast'), csiDriver('ebs.csi.aws.com'), pvc('data', { cls: 'fast' })),
    );
    const out = JSON.parse(netlab(['storage', file, '--delete-claim', 'default/data', '--json']).stdout);
    expect(out.before.claims[0].via).toBe('provisioned');
    expect(out.deletion.result).toBe('deleted');
    expect(out.deletion.outcome.en).toContain('DeleteVolume');
  });

  it('an unknown claim for --delete-claim is a usage error', () => {
    const r = netlab(['storage', SCENE, '--delete-claim', 'default/nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--delete-claim default/nope: no such claim (claims: default/data, default/logs)',
    );
  });

  it('input errors exit 1 with file:line:col on stderr', () => {
    const file = tmpFile(
      'bad.yaml',
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: d}\nspec:\n  accessModes: [ReadWriteOne]\n  resources: {requests: {storage: 1Gi}}\n',
    );
    const r = netlab(['storage', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${file}:5:17: error: spec.accessModes[0]: unsupported value "ReadWriteOne": use ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod (did you mean ReadWriteOnce?)\n`,
    );
  });

  it('control characters in names are escaped on the terminal', () => {
    const file = tmpFile(
      'ctl.yaml',
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: d}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}, volumeName: "x\\u001b[31m"}\n',
    );
    const r = netlab(['storage', file]);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toContain('x\\x1b[31m');
  });

  it('--delete-claim belongs to storage only', () => {
    expect(netlab(['matrix', SCENE, '--delete-claim', 'x']).code).toBe(2);
  });
});

const NOTES = `# size: 120MB
FROM ubuntu
# size: 306MB
RUN apt-get update && apt-get -y install python3 python3-pip
# size: 6.3MB
RUN pip install flask flask-mysql
# size: 229MB
COPY . /opt/source-code
ENTRYPOINT FLASK_APP=/opt/source-code/app.py flask run
`;

describe('netlab layers', PROCESS, () => {
  it('two Dockerfiles: sizes, and the layers the second reuses from the cache', () => {
    const a = tmpFile('Dockerfile', NOTES);
    const b = tmpFile('Dockerfile.v2', NOTES.replace('flask-mysql', 'flask-mysql requests'));
    const r = netlab(['layers', a, b]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Image dockerfile (Dockerfile): 661MB\n');
    expect(r.stdout).toMatch(/CACHED +306MB +RUN apt-get update/);
    expect(r.stdout).toMatch(
      /BUILT +6\.3MB +RUN pip install flask flask-mysql requests +built: the cache misses here/,
    );
    const json = JSON.parse(netlab(['layers', a, b, '--json']).stdout);
    expect(json.images[1].layers.map((l: { status: string }) => l.status)).toEqual([
      'present',
      'cached',
      'built',
      'built',
      'built',
    ]);
    expect(json.images[0].layers.map((l: { size: number | null }) => l.size)).toEqual([
      120e6, 306e6, 6.3e6, 229e6, 0,
    ]);
  });

  it('a txtar archive with a session: copy-up, volumes and /var/lib/docker', () => {
    const archive = tmpFile(
      'lab.txtar',
      `-- Dockerfile --\n${NOTES}-- app.py --\nprint(1)\n-- session.sh --\ndocker build -t web .\ndocker run -d --name web1 web\ndocker exec web1 sh -c "echo x >> /opt/source-code/app.py"\ndocker volume create data_volume\ndocker run -d --name db -v data_volume:/var/lib/mysql mysql\n`,
    );
    const r = netlab(['layers', archive, '--lang', 'ko']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('web1 컨테이너가 /opt/source-code/app.py 파일에 씁니다: copy-up');
    expect(r.stdout).toContain('/var/lib/docker/');
    expect(r.stdout).toContain('    data_volume/');
  });

  it('a broken Dockerfile exits 1 with its line', () => {
    const file = tmpFile('Dockerfile', 'FROM ubuntu\nRNU apt-get update\n');
    const r = netlab(['layers', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${file}:2:1: error: unknown instruction: RNU (did you mean RUN?)\n`);
  });
});
