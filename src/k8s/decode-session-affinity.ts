// spec.sessionAffinity and spec.sessionAffinityConfig of a Service, as the API server defaults and
// validates them: None by default (a config beside None is dropped by defaulting); ClientIP gets
// clientIP.timeoutSeconds 10800 unless given, and a given one must be from 1 to 86400.
import { josa } from '../lib/korean';
import { t } from '../lib/text';
import { quote } from '../lib/user-text';
import type { Decoder, Dict } from './decoder';
import type { SessionAffinity } from './types';

/** core.DefaultClientIPServiceAffinitySeconds: three hours. */
export const DEFAULT_AFFINITY_SECONDS = 10800;
/** core.MaxClientIPServiceAffinitySeconds: one day. */
export const MAX_AFFINITY_SECONDS = 86400;

const KINDS = ['None', 'ClientIP'] as const;

/** The Service's session affinity, or undefined for None. */
export function decodeSessionAffinity(d: Decoder, spec: Dict): SessionAffinity | undefined {
  const kindPath = ['spec', 'sessionAffinity'];
  const kindText = d.string(spec.sessionAffinity, kindPath) ?? 'None';
  const kind = (KINDS as readonly string[]).includes(kindText) ? kindText : 'None';
  if (kind !== kindText)
    d.error(
      'session-affinity',
      kindPath,
      t(
        `spec.sessionAffinity: unsupported value ${quote(kindText)}: use None or ClientIP`,
        `spec.sessionAffinity: 지원하지 않는 값 ${quote(kindText)}: None이나 ClientIP를 쓰세요`,
      ),
    );
  const configPath = ['spec', 'sessionAffinityConfig'];
  const config = d.map(spec.sessionAffinityConfig, configPath);
  if (kind === 'None') {
    if (config)
      d.report(
        'warning',
        'session-affinity',
        configPath,
        t(
          'spec.sessionAffinityConfig is ignored: sessionAffinity is None, and the API server drops the config when it defaults the Service',
          'spec.sessionAffinityConfig는 무시됩니다. sessionAffinity가 None이면 API 서버가 Service의 기본값을 채우면서 이 설정을 지웁니다',
        ),
        t('set sessionAffinity: ClientIP to use it', '쓰려면 sessionAffinity: ClientIP로 설정하세요'),
      );
    return undefined;
  }
  const clientIpPath = [...configPath, 'clientIP'];
  const clientIp = config ? d.map(config.clientIP, clientIpPath) : undefined;
  const timeoutPath = [...clientIpPath, 'timeoutSeconds'];
  const raw = clientIp?.timeoutSeconds;
  if (raw === undefined || raw === null)
    return { kind: 'ClientIP', timeoutSeconds: DEFAULT_AFFINITY_SECONDS };
  if (typeof raw === 'number' && Number.isInteger(raw) && raw > 0 && raw <= MAX_AFFINITY_SECONDS)
    return { kind: 'ClientIP', timeoutSeconds: raw };
  const shown = quote(String(raw));
  d.error(
    'session-affinity',
    timeoutPath,
    typeof raw === 'number'
      ? t(
          `spec.sessionAffinityConfig.clientIP.timeoutSeconds: invalid value ${shown}: must be greater than 0 and at most ${MAX_AFFINITY_SECONDS} (one day)`,
          `spec.sessionAffinityConfig.clientIP.timeoutSeconds: 잘못된 값 ${shown}: 0보다 크고 ${MAX_AFFINITY_SECONDS}(하루) 이하여야 합니다`,
        )
      : t(
          `spec.sessionAffinityConfig.clientIP.timeoutSeconds: expected a number of seconds, not ${shown}`,
          `spec.sessionAffinityConfig.clientIP.timeoutSeconds: 초 단위 숫자가 와야 하는데 ${josa(shown, '이/가')} 왔습니다`,
        ),
  );
  return { kind: 'ClientIP', timeoutSeconds: DEFAULT_AFFINITY_SECONDS };
}
