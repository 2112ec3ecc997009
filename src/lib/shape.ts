// Checking the shape of untrusted data (share links, messages from a host page): small
// predicates the decoders combine, so every decoder reads ports and keys by the same rules.

/** A plain object (not null, not an array). */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** No key outside `keys` (missing ones are the caller's business). */
export const onlyKeys = (v: object, keys: readonly string[]): boolean =>
  Object.keys(v).every((k) => keys.includes(k));

export const isPortNumber = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 65535;

export const isProtocol = (v: unknown): v is 'TCP' | 'UDP' | 'SCTP' =>
  v === 'TCP' || v === 'UDP' || v === 'SCTP';
