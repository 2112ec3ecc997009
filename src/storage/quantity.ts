// Kubernetes resource quantities (`10Gi`, `500M`, `1.5Ti`, `1e9`) as exact numbers, so that
// "capacity ≥ request" compares the way the API's Quantity.Cmp does, never with float rounding.

/** A parsed quantity: the text as written and its value in nano-units (bytes × 10⁹ for storage). */
export interface Quantity {
  readonly text: string;
  readonly nano: bigint;
}

const BINARY: Readonly<Record<string, bigint>> = {
  Ki: 1n << 10n,
  Mi: 1n << 20n,
  Gi: 1n << 30n,
  Ti: 1n << 40n,
  Pi: 1n << 50n,
  Ei: 1n << 60n,
};

/** Decimal suffixes as powers of ten. */
const DECIMAL: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};

const SHAPE = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/;

const NANO = 9;

/**
 * Parses a quantity as the API server does (`<number><suffix>`); undefined when it is not one.
 * Digits below a nano-unit are rounded up, as Quantity rounds up when it loses precision.
 */
export function parseQuantity(value: unknown): Quantity | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string') return undefined;
  const m = SHAPE.exec(text.trim());
  if (!m) return undefined;
  const [, sign, number, suffix, exponent] = m;
  const [whole = '', fraction = ''] = number!.split('.');
  const digits = BigInt((whole || '0') + fraction);
  // value = digits × 10^(-fraction.length) × multiplier, kept as nano-units.
  let tenPower = NANO - fraction.length;
  let factor = 1n;
  if (suffix !== undefined && suffix in BINARY) factor = BINARY[suffix]!;
  else if (suffix !== undefined) tenPower += DECIMAL[suffix]!;
  else if (exponent !== undefined) {
    const e = Number(exponent);
    if (Math.abs(e) > 60) return undefined;
    tenPower += e;
  }
  let nano: bigint;
  if (tenPower >= 0) nano = digits * factor * 10n ** BigInt(tenPower);
  else {
    const divisor = 10n ** BigInt(-tenPower);
    const product = digits * factor;
    nano = product / divisor + (product % divisor === 0n ? 0n : 1n);
  }
  return { text: text.trim(), nano: sign === '-' ? -nano : nano };
}

/** -1, 0 or 1, like Quantity.Cmp. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  return a.nano < b.nano ? -1 : a.nano > b.nano ? 1 : 0;
}

const GI = BINARY.Gi! * 10n ** BigInt(NANO);

/** Bytes as a readable binary size (`10Gi`, `1.5Gi`, `512Mi`) when the quantity is not one already. */
export function formatBytes(q: Quantity): string {
  if (/^\d+(Ki|Mi|Gi|Ti|Pi|Ei)$/.test(q.text)) return q.text;
  const units: [string, bigint][] = [
    ['Ti', GI << 10n],
    ['Gi', GI],
    ['Mi', GI >> 10n],
    ['Ki', GI >> 20n],
  ];
  for (const [unit, size] of units) {
    if (q.nano >= size) {
      const tenths = (q.nano * 10n) / size;
      return `${tenths / 10n}${tenths % 10n === 0n ? '' : `.${tenths % 10n}`}${unit}`;
    }
  }
  return q.text;
}
