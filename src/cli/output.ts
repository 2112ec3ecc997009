// Everything the CLI prints goes through here: control characters escaped (a scenario's names
// cannot move the cursor, erase the verdict line or retitle the terminal), written as produced in
// bounded chunks, and a failed write (a full disk, a closed pipe) reported as what it is.
import { writeSync } from 'node:fs';
import { escapeControls } from '../lib/user-text';
import type { Printed } from './command-result';

export type { Printed } from './command-result';

/** Bytes gathered before a write: big enough to be fast, small enough to stay out of memory's way. */
const CHUNK = 64 * 1024;

/** The output could not be written; `closed` when the reader went away (`| head`). */
export class OutputError extends Error {
  constructor(
    readonly code: string,
    readonly closed: boolean,
  ) {
    super(code);
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

function writeAll(fd: number, text: string): void {
  let bytes = Buffer.from(text, 'utf8');
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(fd, bytes));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
      // A non-blocking pipe whose reader is slower than us: wait a moment and go on.
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 5);
      else throw new OutputError(code, code === 'EPIPE');
    }
  }
}

/** Writes `printed` to `fd` (1 stdout, 2 stderr), escaped, a chunk at a time. */
export function print(fd: number, printed: Printed): void {
  if (typeof printed === 'string') {
    if (printed) writeAll(fd, escapeControls(printed));
    return;
  }
  let pending = '';
  for (const piece of printed) {
    pending += piece;
    if (pending.length >= CHUNK) {
      writeAll(fd, escapeControls(pending));
      pending = '';
    }
  }
  if (pending) writeAll(fd, escapeControls(pending));
}

/** The whole of `printed` as one string (tests, small outputs). */
export const printedText = (printed: Printed): string =>
  typeof printed === 'string' ? printed : [...printed].join('');

/** Words for the errno codes a write meets. */
export function outputProblem(code: string): string {
  const why: Record<string, string> = {
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EFBIG: 'the file is too large',
    EIO: 'an input/output error',
    EBADF: 'the output is closed',
  };
  return `${why[code] ?? 'it failed'} (${code})`;
}
