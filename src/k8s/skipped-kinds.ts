// The objects a scenario holds that netlab does not model, counted per kind: one warning per kind
// ("ServiceMonitor: 12 objects skipped") at its first object, rather than one per object — a
// cluster dump has hundreds. Policies of other engines get their own line: they may change flows.
import type { Diagnostic, SourcePosition } from '../lib/diagnostic';
import { t } from '../lib/text';
import { engineName, WORKLOAD_KINDS } from './kinds';
import type { ForeignPolicy } from './types';

interface Tally {
  readonly kind: string;
  readonly apiVersion: string;
  readonly at: SourcePosition;
  count: number;
}

export class SkippedKinds {
  private readonly skipped = new Map<string, Tally>();
  private readonly foreign = new Map<string, Tally & { engine: ForeignPolicy['engine'] }>();

  /** `at` is asked only for the first object of a kind (positions can cost a scan). */
  skip(kind: string, apiVersion: string, at: () => SourcePosition): void {
    const key = `${apiVersion} ${kind}`;
    const tally = this.skipped.get(key);
    if (tally) tally.count++;
    else this.skipped.set(key, { kind, apiVersion, at: at(), count: 1 });
  }

  foreignPolicy(p: ForeignPolicy, at: () => SourcePosition): void {
    const key = `${p.engine} ${p.kind}`;
    const tally = this.foreign.get(key);
    if (tally) tally.count++;
    else
      this.foreign.set(key, { kind: p.kind, apiVersion: p.apiVersion, engine: p.engine, at: at(), count: 1 });
  }

  /** One warning per kind, in the order the kinds first appeared. */
  diagnostics(): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const s of this.skipped.values()) {
      const n = s.count === 1 ? '1 object' : `${s.count} objects`;
      const workload = WORKLOAD_KINDS.has(s.kind);
      out.push({
        ...s.at,
        severity: 'warning',
        code: 'kind-ignored',
        message: t(
          `${s.kind} (${s.apiVersion}): ${n} skipped — netlab does not model this kind`,
          `${s.kind}(${s.apiVersion}) ${s.count}개: netlab이 다루지 않는 kind라 건너뜁니다`,
        ),
        ...(workload
          ? {
              hint: t(
                `netlab draws Pod objects only and does not create pods from a ${s.kind}; it uses ${s.kind} objects to group pods into workloads`,
                `netlab은 Pod 오브젝트만 그리며 ${s.kind}에서 파드를 만들지 않습니다. ${s.kind} 오브젝트는 파드를 워크로드로 묶는 데만 씁니다`,
              ),
            }
          : {}),
      });
    }
    for (const f of this.foreign.values()) {
      const who = `${engineName(f.engine)} ${f.kind}`;
      const n = f.count === 1 ? '1 policy' : `${f.count} policies`;
      out.push({
        ...f.at,
        severity: 'warning',
        code: 'policy-not-evaluated',
        message: t(
          `${who} (${f.apiVersion}): ${n} not evaluated by netlab`,
          `${who}(${f.apiVersion}) ${f.count}개: netlab이 평가하지 않는 정책입니다`,
        ),
        hint: t(
          `netlab's verdicts follow Kubernetes NetworkPolicy only; on the cluster these policies may also allow or deny the flows they select, and each verdict they could change says so`,
          `netlab의 판정은 Kubernetes NetworkPolicy만 따릅니다. 실제 클러스터에서는 이 정책들이 고르는 흐름을 따로 허용하거나 차단할 수 있으며, 이 정책들이 바꿀 수 있는 판정마다 그렇게 알려 줍니다`,
        ),
      });
    }
    return out;
  }
}
