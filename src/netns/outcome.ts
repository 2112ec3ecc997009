// The shapes of a command's answer: success, iproute2's three kinds of failure (each with its own
// exit status), and the console's honest line for what it does not simulate.
import type { CommandOutcome } from './types';

export function ok(output = ''): CommandOutcome {
  return { output, stderr: false, exit: 0 };
}

export function fail(text: string, exit: number): CommandOutcome {
  return { output: text.endsWith('\n') ? text : `${text}\n`, stderr: true, exit };
}

/** iproute2 found no such device before asking the kernel: exit 1. */
export function noDevice(name: string): CommandOutcome {
  return fail(`Cannot find device "${name}"`, 1);
}

/** The kernel refused without an extended message: `RTNETLINK answers: …`, exit 2. */
export function rtnetlink(message: string): CommandOutcome {
  return fail(`RTNETLINK answers: ${message}`, 2);
}

/** The kernel refused with an extended message: `Error: ….`, exit 2. */
export function kernelError(message: string): CommandOutcome {
  return fail(`Error: ${message}.`, 2);
}

/**
 * iproute2 rejected an argument: exit 255. Some of its messages end with their own newline, so
 * the real output has an empty line after them.
 */
export function invalidArgument(arg: string, message: string, extraNewline = false): CommandOutcome {
  return fail(`Error: argument "${arg}" is wrong: ${message}\n${extraNewline ? '\n' : ''}`, 255);
}

/** Something real that the console does not simulate: one honest line, exit 2. */
export function notSimulated(what: string): CommandOutcome {
  return fail(`netlab: ${what}`, 2);
}

export const SUPPORTED =
  'the console runs ip link/addr/route/netns, ping, sysctl net.ipv4.ip_forward, ' +
  'iptables -t nat … MASQUERADE, nc -l/-z, cat and sh for CNI plugin scripts';
