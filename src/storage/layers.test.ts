// The layers model: sizes from `# size:` comments, configuration-only steps at 0 B, the build
// cache between Dockerfiles sharing a prefix, and a change invalidating every later step.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../lib/diagnostic';
import { formatByteSize, parseByteSize } from './byte-size';
import { parseDockerfile } from './dockerfile';
import { loadLayersLab } from './layers-lab';
import { layerText } from './layers-text';
import { formatTxtar, parseTxtar } from './txtar';

/** The study notes' image: 120MB, 306MB, 6.3MB, 229MB, and a 0 B entrypoint. */
const NOTES = `# size: 120MB
FROM ubuntu
# size: 306MB
RUN apt-get update && apt-get -y install python3 python3-pip
# size: 6.3MB
RUN pip install flask flask-mysql
# size: 229MB
COPY . /opt/source-code
ENTRYPOINT FLASK_APP=/opt/source-code/app.py flask run
`;

const lab = (text: string) => loadLayersLab([{ name: 'lab.txtar', text }]);
const statuses = (l: ReturnType<typeof lab>, i: number) => l.builds[i]!.layers.map((x) => x.status);

describe('sizes', () => {
  it.each([
    ['306MB', 306_000_000],
    ['6.3MB', 6_300_000],
    ['0B', 0],
    ['120 MB', 120_000_000],
    ['1.5GiB', 1_610_612_736],
    ['12kB', 12_000],
  ])('parses %s', (text, bytes) => expect(parseByteSize(text)).toBe(bytes));
  it.each([
    [661_300_000, '661MB'],
    [6_300_000, '6.3MB'],
    [0, '0B'],
    [1_250_000_000, '1.25GB'],
  ])('prints %d as %s', (bytes, text) => expect(formatByteSize(bytes)).toBe(text));

  it("the notes' image: four layers with sizes, the entrypoint an empty 0 B entry, 661MB in all", () => {
    const l = loadLayersLab([{ name: 'Dockerfile', text: NOTES }]);
    expect(l.diagnostics).toEqual([]);
    const image = l.builds[0]!;
    expect(image.layers.map((x) => [x.createdBy.split(' ')[0], x.size, x.empty])).toEqual([
      ['FROM', 120_000_000, false],
      ['RUN', 306_000_000, false],
      ['RUN', 6_300_000, false],
      ['COPY', 229_000_000, false],
      ['ENTRYPOINT', 0, true],
    ]);
    expect(formatByteSize(image.size)).toBe('661MB');
    expect(image.contextUnknown).toBe(true);
  });

  it('a filesystem step without a size comment is counted as unknown', () => {
    const l = loadLayersLab([{ name: 'Dockerfile', text: 'FROM alpine\nRUN apk add curl\n' }]);
    expect(l.builds[0]!.unknownSizes).toBe(1);
    expect(l.builds[0]!.layers[1]!.size).toBeUndefined();
  });
});

describe('Dockerfile diagnostics', () => {
  const parse = (text: string) => {
    const out: Diagnostic[] = [];
    parseDockerfile('Dockerfile', text, out);
    return out.map((d) => `${d.line}:${d.col} ${d.severity} ${d.code}${d.hint ? ` (${d.hint.en})` : ''}`);
  };
  it.each([
    [
      'FORM ubuntu\n',
      ['1:1 error dockerfile-instruction (did you mean FROM?)', '1:1 error dockerfile-empty'],
    ],
    ['RUN echo hi\n', ['1:1 error dockerfile-from']],
    ['ARG V=1\nFROM ubuntu:$V\n', []],
    ['FROM ubuntu\n# size: lots\nRUN x\n', ['2:1 error size-comment']],
    ['FROM ubuntu\n# size: 5MB\nENV A=1\n', ['2:1 warning size-on-metadata']],
    ['FROM ubuntu\nRUN\n', ['2:1 error dockerfile-arguments']],
  ])('%j', (text, expected) => expect(parse(text)).toEqual(expected));

  it('joins continuation lines and drops comments inside them', () => {
    const out: Diagnostic[] = [];
    const df = parseDockerfile(
      'Dockerfile',
      'FROM ubuntu\nRUN apt-get update && \\\n  # a comment\n  apt-get install -y curl\n',
      out,
    );
    expect(df.instructions[1]).toMatchObject({
      keyword: 'RUN',
      args: 'apt-get update && apt-get install -y curl',
      line: 2,
    });
  });
});

describe('the build cache', () => {
  const two = (second: string) =>
    `-- Dockerfile --\n${NOTES}-- Dockerfile2 --\n${second}-- app.py --\nprint("hi")\n`;

  it('a second Dockerfile sharing the first three steps reuses them and builds the rest', () => {
    const l = lab(two(NOTES.replace('flask run', 'flask run --port 8080')));
    expect(statuses(l, 0)).toEqual(['pulled', 'built', 'built', 'built', 'built']);
    expect(statuses(l, 1)).toEqual(['present', 'cached', 'cached', 'cached', 'built']);
    expect(layerText(l.builds[1]!.layers[1]!).en).toBe(
      'CACHED: the same step after the same parent was built by lab.txtar:5',
    );
    expect(l.builds[1]!.layers[4]!.rebuild).toBe('changed');
  });

  it('a change in an early line invalidates every step after it', () => {
    const l = lab(two(NOTES.replace('flask flask-mysql', 'flask flask-mysql requests')));
    expect(statuses(l, 1)).toEqual(['present', 'cached', 'built', 'built', 'built']);
    expect(l.builds[1]!.layers.map((x) => x.rebuild)).toEqual([
      undefined,
      undefined,
      'changed',
      'after-change',
      'after-change',
    ]);
    expect(layerText(l.builds[1]!.layers[2]!).en).toContain(
      'after the same parent, lab.txtar:7 had `RUN pip install flask flask-mysql`',
    );
    expect(layerText(l.builds[1]!.layers[3]!).en).toBe(
      'built again: an earlier step changed, and every step after a change is rebuilt',
    );
  });

  it('a changed source file misses the cache at its COPY, with the same instruction', () => {
    const script = 'docker build -t v1 .\necho "print(2)" >> app.py\ndocker build -t v2 .\n';
    const l = lab(`-- Dockerfile --\n${NOTES}-- app.py --\nprint(1)\n-- build.sh --\n${script}`);
    expect(l.diagnostics).toEqual([]);
    expect(statuses(l, 1)).toEqual(['present', 'cached', 'cached', 'built', 'built']);
    expect(layerText(l.builds[1]!.layers[3]!).en).toContain('the files it copies changed');
  });

  it('putting COPY before the package installs makes every source change reinstall them', () => {
    const bad = NOTES.replace(/# size: 229MB\nCOPY \. \/opt\/source-code\n/, '').replace(
      'FROM ubuntu\n',
      'FROM ubuntu\n# size: 229MB\nCOPY . /opt/source-code\n',
    );
    const script = 'docker build -t v1 .\necho "print(2)" >> app.py\ndocker build -t v2 .\n';
    const l = lab(`-- Dockerfile --\n${bad}-- app.py --\nprint(1)\n-- build.sh --\n${script}`);
    expect(statuses(l, 1)).toEqual(['present', 'built', 'built', 'built', 'built']);
  });

  it('multi-stage: only the last stage is the image; COPY --from keys on the stage it copies from', () => {
    const text =
      'FROM golang AS build\n# size: 5MB\nRUN go build -o /app .\nFROM alpine\n# size: 5MB\nCOPY --from=build /app /app\n';
    const l = loadLayersLab([{ name: 'Dockerfile', text }]);
    expect(l.builds[0]!.stageCount).toBe(2);
    expect(l.builds[0]!.layers.map((x) => x.createdBy)).toEqual([
      'FROM alpine',
      'COPY --from=build /app /app',
    ]);
  });
});

describe('txtar', () => {
  it('round-trips files and keeps their line offsets', () => {
    const text = 'about it\n-- a --\nline 1\n-- b.sh --\ndocker ps\n';
    const archive = parseTxtar(text)!;
    expect(archive.files.map((f) => [f.name, f.lineOffset])).toEqual([
      ['a', 2],
      ['b.sh', 4],
    ]);
    expect(formatTxtar(archive)).toBe(text);
    expect(parseTxtar('FROM ubuntu\n')).toBeUndefined();
  });

  it('diagnostics point at lines of the whole archive', () => {
    const l = lab('-- Dockerfile --\nFROM ubuntu\nRUN\n');
    expect(l.diagnostics.map((d) => `${d.file}:${d.line}`)).toEqual(['lab.txtar:3']);
  });
});
