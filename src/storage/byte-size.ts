// Image and layer sizes as Docker prints them (`docker history`, `docker images`): decimal units
// (1 MB = 1,000,000 bytes) with about three significant digits: 306MB, 6.3MB, 1.2GB.

const UNITS: Readonly<Record<string, number>> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

/** `306MB`, `6.3 MB`, `0B`, `1.5GiB` → bytes; undefined when it is not a size. */
export function parseByteSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]+)?$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase();
  const factor = UNITS[unit] ?? UNITS[`${unit}b`];
  return factor === undefined ? undefined : Math.round(Number(m[1]) * factor);
}

/** Bytes the way `docker history` prints them (decimal units, three significant digits). */
export function formatByteSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  const shown = i === 0 ? String(Math.round(value)) : String(Number(value.toPrecision(3)));
  return `${shown}${units[i]}`;
}
