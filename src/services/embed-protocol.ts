// The embed view's contract with its host page: URL parameters chosen by the author, and
// postMessage messages in both directions. Every incoming message is validated; anything
// that does not match exactly is ignored.
import { isRouteName } from './lesson-route';
import { isPortNumber, isProtocol, isRecord, onlyKeys } from '../lib/shape';

export type EmbedPanel = 'graph' | 'editor' | 'matrix' | 'packets' | 'lesson';
const PANELS: readonly EmbedPanel[] = ['graph', 'editor', 'matrix', 'packets', 'lesson'];

export interface EmbedOptions {
  readonly embed: boolean;
  /** Panels to show beside the graph (the graph is always there). */
  readonly panels: readonly EmbedPanel[];
  readonly readOnly: boolean;
  readonly locale?: 'en' | 'ko';
  /** Play the tier tour once loaded. */
  readonly autoplay: boolean;
  /** The lesson (and step) to open: `lesson=<id>&step=<step>`; a lesson route in the fragment wins. */
  readonly lesson?: { readonly id: string; readonly step: string | null };
  /** `allow=load`: a read-only embed still takes `netlab:load` from its host. */
  readonly allowLoad?: true;
}

/** The version of the message protocol below; sent first, as `netlab:hello`. */
export const EMBED_PROTOCOL_VERSION = 1;

/**
 * Reads `?embed=1&panels=matrix,packets&readonly=1&lang=ko&autoplay=1&lesson=<id>&step=<step>`
 * (`ctl=1`, click to load, is read before the lab loads: see boot.ts and embed-cover.ts).
 */
export function parseEmbedOptions(search: string): EmbedOptions {
  const q = new URLSearchParams(search);
  const panels = (q.get('panels') ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p): p is EmbedPanel => (PANELS as readonly string[]).includes(p));
  const lang = q.get('lang');
  const lesson = q.get('lesson');
  const step = q.get('step');
  // Names follow the lesson routes' rule; a bad step drops the whole lesson rather than guess.
  const lessonOk = lesson !== null && isRouteName(lesson) && (step === null || isRouteName(step));
  return {
    embed: q.get('embed') === '1',
    panels: [...new Set(panels)],
    readOnly: q.get('readonly') === '1',
    ...(lang === 'en' || lang === 'ko' ? { locale: lang } : {}),
    autoplay: q.get('autoplay') === '1',
    ...(lessonOk ? { lesson: { id: lesson, step } } : {}),
    ...((q.get('allow') ?? '').split(',').includes('load') ? { allowLoad: true as const } : {}),
  };
}

export interface PortSpec {
  readonly port: number;
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
}

/** Host → netlab. */
export type EmbedCommand =
  | { readonly type: 'netlab:load'; readonly scenario: string }
  | { readonly type: 'netlab:play'; readonly from: string; readonly to: string; readonly port: PortSpec }
  | {
      readonly type: 'netlab:select';
      readonly from: string;
      readonly to: string;
      /** The matrix port to explain the flow on (the current one when left out). */
      readonly port?: PortSpec;
    }
  | { readonly type: 'netlab:lesson'; readonly lesson: string; readonly step?: string };

/** A command's id, echoed in `netlab:ack` and `netlab:error`: a string of up to 100 characters or a number. */
export type CommandId = string | number;

/** Why a command failed, as `netlab:error` says. */
export type EmbedErrorCode =
  'bad-message' | 'read-only' | 'scenario-errors' | 'unknown-endpoint' | 'bad-port' | 'unknown-lesson';

/** netlab → host. */
export type EmbedEvent =
  | { readonly type: 'netlab:hello'; readonly version: number }
  | { readonly type: 'netlab:ready' }
  | { readonly type: 'netlab:ack'; readonly id: CommandId }
  | {
      readonly type: 'netlab:error';
      readonly id?: CommandId;
      readonly code: EmbedErrorCode;
      readonly message: string;
    }
  /** The embed's content height in CSS pixels, sent whenever it changes. */
  | { readonly type: 'netlab:resize'; readonly height: number }
  | { readonly type: 'netlab:verdicts'; readonly changed: number }
  | {
      readonly type: 'netlab:packet';
      readonly verdict: 'delivered' | 'dropped';
      readonly from: string;
      readonly to: string;
    }
  /** The current lesson's checks ran: `passed` of the `total` challenge checks (quizzes aside). */
  | {
      readonly type: 'netlab:check';
      readonly lesson: string;
      readonly solved: boolean;
      readonly passed: number;
      readonly total: number;
    }
  /** The lesson panel moved to a step (a host command, the reader, or the lesson opening). */
  | { readonly type: 'netlab:step'; readonly lesson: string; readonly step: string };

const MAX_SCENARIO = 2_000_000;
const str = (v: unknown, max = 300): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
/** A lesson or step id, by the same rule as the lesson routes. */
const name = (v: unknown): v is string => typeof v === 'string' && isRouteName(v);
/** `3306`, or `{port: 53, protocol: 'UDP'}` (protocol TCP when left out). */
function port(v: unknown): PortSpec | null {
  if (typeof v === 'number') return isPortNumber(v) ? { port: v, protocol: 'TCP' } : null;
  if (!isRecord(v) || !onlyKeys(v, ['port', 'protocol'])) return null;
  const protocol = v.protocol ?? 'TCP';
  return isPortNumber(v.port) && isProtocol(protocol) ? { port: v.port, protocol } : null;
}

/** The command a message carries, or null for anything else (which is then ignored). */
export function parseEmbedCommand(data: unknown): EmbedCommand | null {
  if (!isRecord(data)) return null;
  const m = data;
  switch (m.type) {
    case 'netlab:load':
      return onlyKeys(m, ['type', 'scenario']) &&
        typeof m.scenario === 'string' &&
        m.scenario.length <= MAX_SCENARIO
        ? { type: 'netlab:load', scenario: m.scenario }
        : null;
    case 'netlab:play': {
      const p = port(m.port);
      return onlyKeys(m, ['type', 'from', 'to', 'port']) && str(m.from) && str(m.to) && p
        ? { type: 'netlab:play', from: m.from, to: m.to, port: p }
        : null;
    }
    case 'netlab:select': {
      const p = m.port === undefined ? undefined : port(m.port);
      return onlyKeys(m, ['type', 'from', 'to', 'port']) && str(m.from) && str(m.to) && p !== null
        ? { type: 'netlab:select', from: m.from, to: m.to, ...(p ? { port: p } : {}) }
        : null;
    }
    case 'netlab:lesson':
      return onlyKeys(m, ['type', 'lesson', 'step']) &&
        name(m.lesson) &&
        (m.step === undefined || name(m.step))
        ? {
            type: 'netlab:lesson',
            lesson: m.lesson,
            ...(m.step !== undefined ? { step: m.step as string } : {}),
          }
        : null;
    default:
      return null;
  }
}

/** What each command must look like, for the error a malformed one gets. */
const SHAPES: Readonly<Record<string, string>> = {
  'netlab:load': 'netlab:load needs scenario: a YAML text of at most 2,000,000 characters',
  'netlab:play':
    'netlab:play needs from and to (strings) and port (1–65535, or {port, protocol: TCP|UDP|SCTP})',
  'netlab:select': 'netlab:select needs from and to (strings), and takes port (1–65535, or {port, protocol})',
  'netlab:lesson': 'netlab:lesson needs lesson (a lesson id) and takes step (a step id)',
};

export type EmbedMessage =
  | { readonly ok: true; readonly command: EmbedCommand; readonly id?: CommandId }
  | { readonly ok: false; readonly id?: CommandId; readonly code: EmbedErrorCode; readonly message: string };

const isId = (v: unknown): v is CommandId =>
  (typeof v === 'string' && v.length > 0 && v.length <= 100) || (typeof v === 'number' && Number.isFinite(v));

/**
 * A message from the host: a command (with its optional `id`), an error for a netlab message that
 * is malformed, or null for anything that is not a netlab message at all (ignored, unanswered).
 */
export function readEmbedMessage(data: unknown): EmbedMessage | null {
  if (!isRecord(data) || typeof data.type !== 'string' || !data.type.startsWith('netlab:')) return null;
  const { id, ...rest } = data;
  const withId = isId(id) ? { id } : {};
  if (id !== undefined && !isId(id))
    return { ok: false, code: 'bad-message', message: 'id must be a string of 1–100 characters or a number' };
  const command = parseEmbedCommand(rest);
  if (command) return { ok: true, command, ...withId };
  const shape = SHAPES[data.type];
  return {
    ok: false,
    ...withId,
    code: 'bad-message',
    message:
      shape ??
      `unknown command ${JSON.stringify(data.type.slice(0, 40))}; netlab takes ${Object.keys(SHAPES).join(', ')}`,
  };
}
