// The by-hand lab's pure helpers: the log replays into results per entry, share links round-trip
// and reject what is not a session, Tab completes from the world, the layout places everything.
import { describe, expect, it } from 'vitest';
import { complete } from './console-complete';
import {
  decodeConsoleState,
  encodeConsoleState,
  escapeControls,
  runConsole,
  START_STATES,
  validateConsoleState,
  type ConsoleState,
} from './console-session';
import { hopPoint, layoutNetwork } from './net-layout';

const midway: ConsoleState = START_STATES['notes-midway'];

describe('runConsole', () => {
  it('gives each log entry its results, and none to a comment', () => {
    const run = runConsole({
      hosts: ['node01'],
      log: [
        { host: 'node01', text: '# just a note' },
        { host: 'node01', text: 'ip link set nothing up' },
      ],
    });
    expect(run.byEntry[0]).toEqual([]);
    expect(run.byEntry[1]!.map((r) => r.output)).toEqual(['Cannot find device "nothing"\n']);
  });

  it('every start state replays without a failing command', () => {
    for (const s of Object.values(START_STATES))
      expect(
        runConsole(s)
          .byEntry.flat()
          .filter((r) => r.exit !== 0),
      ).toEqual([]);
  });
});

describe('share links', () => {
  it('round-trip a session', () => {
    expect(decodeConsoleState(encodeConsoleState(midway))).toEqual(midway);
  });

  it.each([
    ['not base64', '%%%'],
    ['garbage bytes', 'AAAA'],
    ['empty', ''],
  ])('reject %s', (_, text) => {
    expect(decodeConsoleState(text)).toBeNull();
  });

  it('reject a log entry for a host the session does not have, and bad host names', () => {
    expect(
      validateConsoleState({ hosts: ['node01'], log: [{ host: 'node02', text: 'ip link' }] }),
    ).toBeNull();
    expect(validateConsoleState({ hosts: ['<b>'], log: [] })).toBeNull();
    expect(validateConsoleState({ hosts: [], log: [] })).toBeNull();
  });
});

describe('complete', () => {
  const world = runConsole(midway).world;
  it.each([
    ['pi', 'ping '],
    ['ip li', 'ip link '],
    ['ip link set veth-r', 'ip link set veth-red-br '],
    ['ip -n re', 'ip -n red '],
    ['ip netns exec bl', 'ip netns exec blue '],
  ])('%s → %s', (line, expected) => {
    expect(complete(world, 'node01', line).line).toBe(expected);
  });

  it('lists the options when several fit', () => {
    expect(complete(world, 'node01', 'ip netns ').options).toEqual(['add', 'del', 'exec', 'list']);
  });
});

describe('layoutNetwork', () => {
  it('draws every namespace inside its host, and a cable for the veth pair', () => {
    const layout = layoutNetwork(runConsole(midway).world);
    expect(layout.namespaces.map((n) => n.name)).toEqual(['red', 'blue']);
    const host = layout.hosts[0]!;
    for (const n of layout.namespaces) {
      expect(n.x).toBeGreaterThanOrEqual(host.x);
      expect(n.x + n.w).toBeLessThanOrEqual(host.x + host.w);
    }
    expect(layout.cables.filter((c) => c.kind === 'veth')).toHaveLength(1);
    expect(layout.cables.filter((c) => c.kind === 'port')).toHaveLength(1);
    expect(hopPoint(layout, { host: 'node01', ns: '', inIface: 'v-net-0' })).toEqual(
      expect.objectContaining({ y: 210 }),
    );
  });
});

describe('escapeControls', () => {
  it('shows control characters as \\xNN and keeps newlines and tabs', () => {
    expect(escapeControls('a\u001b[2Jb\n\tc\u007f')).toBe('a\\x1b[2Jb\n\tc\\x7f');
  });
});
