// `netlab matrix --json` and `netlab check --json` carry whether the CNI enforces the policies and
// what actually happens, beside the policies' own verdict (fields added, none renamed).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, netlab } from '../testing/run-netlab';

const DEFAULT = DEFAULT_SCENARIO;

function withCni(cni: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'netlab-')), `${cni}.yaml`);
  writeFileSync(
    file,
    `${readFileSync(DEFAULT, 'utf8')}\n---\napiVersion: netlab.dev/v1\nkind: ClusterNetwork\nmetadata: {name: lab}\nspec: {cni: ${cni}}\n`,
  );
  return file;
}

interface Flow {
  from: string;
  to: string;
  allowed: boolean;
  enforced: boolean;
  effectiveAllowed: boolean;
}

describe('the enforcement flag in the CLI JSON', () => {
  const flannel = withCni('flannel');

  it('matrix --json: under flannel web → db is denied by the policy, not enforced, and delivered', () => {
    const r = netlab(['matrix', flannel, '--port', '3306', '--json']);
    expect(r.code).toBe(0);
    const flows: Flow[] = JSON.parse(r.stdout).flows;
    const f = flows.find((x) => x.from === 'prod/web' && x.to === 'prod/db')!;
    expect(f).toMatchObject({ allowed: false, enforced: false, effectiveAllowed: true });
    expect(flows.filter((x) => 'enforced' in x).every((x) => x.effectiveAllowed)).toBe(true);
  });

  it('matrix --json: under calico the effective verdict is the policy verdict', () => {
    const flows: Flow[] = JSON.parse(netlab(['matrix', DEFAULT, '--port', '3306', '--json']).stdout).flows;
    const f = flows.find((x) => x.from === 'prod/web' && x.to === 'prod/db')!;
    expect(f).toMatchObject({ allowed: false, enforced: true, effectiveAllowed: false });
  });

  it('check --json: pod to pod under flannel, the text saying the same', () => {
    const pod = JSON.parse(
      netlab(['check', flannel, '--from', 'prod/web', '--to', 'prod/db', '--port', '3306', '--json']).stdout,
    );
    expect(pod).toMatchObject({ allowed: false, enforced: false, effectiveAllowed: true });
    expect(pod.text.join('\n')).toContain('policy says ✗ — flannel delivers it');
  });

  it('check --json: through a Service under flannel', () => {
    const svc = JSON.parse(
      netlab(['check', flannel, '--from', 'prod/web', '--to', 'svc:prod/db', '--port', '3306', '--json'])
        .stdout,
    );
    expect(svc).toMatchObject({ verdict: 'denied', enforced: false, effectiveAllowed: true });
  });

  it('check in Korean, and under calico the denial holds', () => {
    const text = netlab([
      'check',
      flannel,
      '--from',
      'prod/web',
      '--to',
      'prod/db',
      '--port',
      '3306',
      '--lang',
      'ko',
    ]);
    expect(text.stdout).toContain('정책상으로는 ✗ 차단이지만 flannel은 그대로 전달합니다');
    const calico = JSON.parse(
      netlab(['check', DEFAULT, '--from', 'prod/web', '--to', 'prod/db', '--port', '3306', '--json']).stdout,
    );
    expect(calico).toMatchObject({ allowed: false, enforced: true, effectiveAllowed: false });
  });
});
