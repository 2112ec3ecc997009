// Loading console-lesson.yaml: a valid folder becomes a lesson; every mistake is located.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../lib/diagnostic';
import { checkConsoleLesson } from './check';
import { loadConsoleLesson } from './load';

const YAML = `id: f-09-test
module: F
order: 9
title: {en: Test, ko: 시험}
hosts: [node01, node02]
steps:
  - id: one
    text: 01-one
checks:
  - check: ping
    id: red-to-blue
    from: node01:red
    to: 10.0.0.2
    reply: true
`;

function folder(yaml: string, extra: Record<string, string> = {}) {
  return {
    dir: 'lessons/f-09-test',
    files: new Map(
      Object.entries({
        'console-lesson.yaml': yaml,
        '01-one.en.md': 'One.\n',
        '01-one.ko.md': '하나.\n',
        'solution/node01.sh': 'ip netns add red\n',
        ...extra,
      }),
    ),
  };
}

describe('loadConsoleLesson', () => {
  it('reads a valid lesson; a host without a script starts empty', () => {
    const r = loadConsoleLesson(folder(YAML));
    expect(r.diagnostics).toEqual([]);
    expect(r.lesson?.solution).toEqual({ node01: 'ip netns add red\n', node02: '' });
    const [result] = checkConsoleLesson(r.lesson!, r.lesson!.solution);
    expect(result).toMatchObject({ id: 'red-to-blue', passed: false });
    expect(result!.message.en).toBe(
      "namespace red cannot ping 10.0.0.2: no route to 10.0.0.2: the sender's routing table has no entry for it",
    );
  });

  it('locates an unknown check kind, an ambiguous place, a missing Markdown file and a stray script', () => {
    const bad =
      YAML.replace('check: ping', 'check: pong').replace('text: 01-one', 'text: 02-two') +
      '  - check: link\n    id: lo\n    at: red\n    name: lo\n';
    const r = loadConsoleLesson(folder(bad, { 'cheats/x/node03.sh': '' }));
    expect(r.lesson).toBeUndefined();
    expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      'lessons/f-09-test/cheats/x/node03.sh:1:1: error: cheats/x/node03.sh: there is no host node03 in hosts',
      'lessons/f-09-test/console-lesson.yaml:8:11: error: 02-two.en.md is missing',
      'lessons/f-09-test/console-lesson.yaml:8:11: error: 02-two.ko.md is missing',
      'lessons/f-09-test/console-lesson.yaml:10:12: error: check must be one of reach, ping, link, namespaces, wired, routes, connect, cni-plugin',
      'lessons/f-09-test/console-lesson.yaml:17:9: error: "red": name a host, a namespace of the only host, or host:namespace',
    ]);
  });
});
