import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  finalSound,
  josa,
  particle,
  PARTICLE_FORMS,
  PARTICLES,
  type FinalSound,
  type Particle,
} from './korean';

const V: FinalSound = 'vowel';
const C: FinalSound = 'consonant';
const R: FinalSound = 'rieul';

describe('finalSound: how a Korean reads the end of a word', () => {
  // Names from the scenarios, lessons and messages, with the reading that decides the particle.
  it.each<[string, FinalSound, string]>([
    // Hangul
    ['파드', V, ''],
    ['네임스페이스', V, ''],
    ['서울', R, 'ㄹ'],
    ['규칙', C, 'ㄱ'],
    ['없음', C, 'ㅁ'],
    ['파일', R, 'ㄹ'],
    ['ㄹ', R, 'a lone jamo'],
    // object and namespace names
    ['db', V, '디비'],
    ['prod/db', V, '프로드 슬래시 디비'],
    ['web', C, '웹'],
    ['prod/web', C, '웹'],
    ['api', V, '에이피아이'],
    ['app', C, '앱'],
    ['backend', V, '백엔드'],
    ['frontend', V, '프론트엔드'],
    ['prod', V, '프로드'],
    ['policy', V, '폴리시'],
    ['prod/db-policy', V, '폴리시'],
    ['db-egress-backup', C, '백업'],
    ['allow-all', R, '얼라우 올'],
    ['default-deny-all', R, '올'],
    ['deny-ingress', V, '인그레스'],
    ['allow-dns', V, '디엔에스'],
    ['coredns', V, '코어디엔에스'],
    ['kube-system', C, '시스템'],
    ['monitoring', C, '모니터링'],
    ['staging', C, '스테이징'],
    ['coffeeshop', C, '커피숍'],
    ['example', R, '이그잼플'],
    ['allow-client-a-via-cidr-egress-rule', R, '룰'],
    ['prometheus', V, '프로메테우스'],
    ['quarantined', V, '쿼런틴드'],
    ['backup-a', V, '에이'],
    ['x', V, '엑스'],
    ['debug', V, '디버그'],
    // acronym letters
    ['L', R, '엘'],
    ['policy-L', R, '엘'],
    ['M', C, '엠'],
    ['web-N', C, '엔'],
    ['R', R, '알'],
    ['K', V, '케이'],
    ['TCP', V, '티씨피'],
    ['3306/TCP', V, '티씨피'],
    ['UDP', V, '유디피'],
    ['SCTP', V, '에스씨티피'],
    ['DNS', V, '디엔에스'],
    ['URL', R, '유알엘'],
    ['HTML', R, '에이치티엠엘'],
    ['VXLAN', C, '브이엑스랜'],
    ['DNAT', C, '디냇'],
    ['SNAT', C, '스냇'],
    ['DROP', C, '드롭'],
    ['ESTABLISHED', V, '이스태블리시드'],
    ['IP', V, '아이피'],
    ['CIDR', V, '사이더'],
    ['OK', V, '오케이'],
    // Kubernetes words and fields
    ['NetworkPolicy', V, '네트워크폴리시'],
    ['NetworkPolicy(apiVersion: networking.k8s.io/v1)', V, 'the aside does not take the particle'],
    ['prod/deny(삭제됨)', V, 'the aside does not take the particle'],
    ['ClusterIP', V, '클러스터아이피'],
    ['NodePort', V, '노드포트'],
    ['LoadBalancer', V, '로드밸런서'],
    ['ExternalName', C, '익스터널네임'],
    ['ExternalEndpoint', V, '엔드포인트'],
    ['ClusterNetwork', V, '클러스터네트워크'],
    ['Namespace', V, '네임스페이스'],
    ['Service', V, '서비스'],
    ['Pod', V, '파드'],
    ['Local', R, '로컬'],
    ['apiVersion', C, '에이피아이버전'],
    ['kind', V, '카인드'],
    ['ipBlock', C, '아이피블록'],
    ['podCIDR', V, '파드사이더'],
    ['spec.externalName', C, '네임'],
    ['metadata.namespace', V, '네임스페이스'],
    ['kubernetes.io/metadata.name', C, '네임'],
    ['protocol', R, '프로토콜'],
    ['from', C, '프롬'],
    ['to', V, '투'],
    ['except', V, '익셉트'],
    ['type', C, '타입'],
    ['targetPort', V, '타깃포트'],
    ['hostNetwork', V, '호스트네트워크'],
    ['conntrack', C, '콘트랙'],
    ['subnet', C, '서브넷'],
    ['packet', C, '패킷'],
    ['layout', C, '레이아웃'],
    ['loop', V, '루프'],
    ['group', C, '그룹'],
    ['hub', V, '허브'],
    // CNIs and devices
    ['calico', V, '캘리코'],
    ['cilium', C, '실리움'],
    ['flannel', R, '플란넬'],
    ['weave', V, '위브'],
    ['kube-proxy', V, '큐브프록시'],
    ['vxlan.calico', V, '캘리코'],
    ['flannel.1', R, '플란넬 점 일'],
    ['eth0', V, '이스제로'],
    ['cni0', V, '씨엔아이제로'],
    ['v1', C, '브이원'],
    ['IPv6', V, '아이피브이식스'],
    ['k8s', V, '케이에잇에스'],
    // numbers and addresses, read in Sino-Korean
    ['3306', C, '삼삼공육'],
    ['5000', C, '오천'],
    ['80', C, '팔십'],
    ['53', C, '오십삼'],
    ['8080', C, '팔공팔공'],
    ['1', R, '일'],
    ['7', R, '칠'],
    ['8', R, '팔'],
    ['2', V, '이'],
    ['9', V, '구'],
    ['10.96.0.10', C, '십 점 구십육 점 영 점 십'],
    ['10.0.0.0/16', C, '슬래시 십육'],
    ['192.168.1.11', R, '십일'],
    ['203.0.113.9', V, '구'],
    ['[fd00::1]:80', C, '팔십'],
    ['node-1', R, '노드 일'],
    ['node-exporter-2', V, '이'],
    // quotes, trailing punctuation and emptiness
    ['"web"', C, '웹'],
    ['“db”', V, '디비'],
    ['{flow}, {why}', V, '와이'],
    ['', V, 'nothing to read'],
  ])('%s → %s (%s)', (word, sound) => {
    expect(finalSound(word)).toBe(sound);
  });
});

describe('particle and josa', () => {
  it.each<[string, Particle, string]>([
    ['prod/db', '을/를', 'prod/db를'],
    ['prod/web', '을/를', 'prod/web을'],
    ['prod/db-policy', '이/가', 'prod/db-policy가'],
    ['3306', '을/를', '3306을'],
    ['10.96.0.10', '은/는', '10.96.0.10은'],
    ['calico', '와/과', 'calico와'],
    ['kube-system', '와/과', 'kube-system과'],
    ['서울', '으로/로', '서울로'],
    ['10.0.0.1', '으로/로', '10.0.0.1로'],
    ['3306', '으로/로', '3306으로'],
    ['web', '으로/로', 'web으로'],
    ['db', '으로/로', 'db로'],
    ['http', '이라는/라는', 'http라는'],
    ['web', '이라는/라는', 'web이라는'],
    ['pods with role=db', '이어야/여야', 'pods with role=db여야'],
    ['flannel', '은/는', 'flannel은'],
    ['prod/deny(삭제됨)', '은/는', 'prod/deny(삭제됨)는'],
  ])('%s + %s → %s', (word, which, out) => {
    expect(josa(word, which)).toBe(out);
  });
});

// Properties: the rule written down from Korean grammar, checked against the code for all inputs.
const syllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCodePoint(c));
const jongOf = (s: string): number => (s.codePointAt(0)! - 0xac00) % 28;
const SINO = ['영', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'];

describe('properties', () => {
  it('for any Hangul syllable the particle matches its final consonant (받침)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), syllable, (before, s) => {
        const jong = jongOf(s);
        const word = before + s;
        expect(particle(word, '을/를')).toBe(jong === 0 ? '를' : '을');
        expect(particle(word, '이/가')).toBe(jong === 0 ? '가' : '이');
        expect(particle(word, '은/는')).toBe(jong === 0 ? '는' : '은');
        expect(particle(word, '와/과')).toBe(jong === 0 ? '와' : '과');
        // ㄹ (the 8th final) takes 로, like a vowel.
        expect(particle(word, '으로/로')).toBe(jong === 0 || jong === 8 ? '로' : '으로');
      }),
    );
  });

  it('a number reads like its last digit in Sino-Korean (영 for 0)', () => {
    fc.assert(
      fc.property(fc.nat(), (n) => {
        const last = SINO[n % 10]!;
        expect(particle(String(n), '을/를')).toBe(particle(last, '을/를'));
        expect(particle(String(n), '으로/로')).toBe(particle(last, '으로/로'));
      }),
    );
  });

  it('an IPv4 address reads like its last number', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(fc.tuple(octet, octet, octet, octet), (o) => {
        expect(finalSound(o.join('.'))).toBe(finalSound(String(o[3])));
      }),
    );
  });

  it('a namespace, an aside in parentheses or quotes do not change the particle', () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
    fc.assert(
      fc.property(name, name, fc.string({ maxLength: 8 }), (ns, n, aside) => {
        const bare = finalSound(n);
        expect(finalSound(`${ns}/${n}`)).toBe(bare);
        expect(finalSound(`"${n}"`)).toBe(bare);
        expect(finalSound(`${n}(${aside.replace(/[()]/g, '')})`)).toBe(bare);
      }),
    );
  });

  it('every particle has a form for each sound, and josa appends exactly the particle', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }),
        fc.constantFrom(...(Object.keys(PARTICLES) as Particle[])),
        (w, which) => {
          const p = particle(w, which);
          expect(Object.values(PARTICLES[which])).toContain(p);
          expect(josa(w, which)).toBe(w + p);
        },
      ),
    );
  });
});

describe('PARTICLE_FORMS', () => {
  it('lists every form of every particle once, longest first', () => {
    const forms = PARTICLE_FORMS.map(([f]) => f);
    const expected = new Set(Object.values(PARTICLES).flatMap((p) => Object.values(p)));
    expect(new Set(forms)).toEqual(expected);
    expect(forms).toHaveLength(expected.size);
    for (let i = 1; i < forms.length; i++) expect(forms[i]!.length).toBeLessThanOrEqual(forms[i - 1]!.length);
    for (const [form, which] of PARTICLE_FORMS) expect(Object.values(PARTICLES[which])).toContain(form);
  });
});
