import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBlocks, parseInline, safeHref, type Block, type Inline } from './markdown';

const text = (v: string): Inline => ({ t: 'text', v });

describe('inline Markdown', () => {
  it.each<[string, Inline[]]>([
    ['plain', [text('plain')]],
    ['a `code` span', [text('a '), { t: 'code', v: 'code' }, text(' span')]],
    ['``a ` tick``', [{ t: 'code', v: 'a ` tick' }]],
    ['**bold** and *it*', [{ t: 'strong', c: [text('bold')] }, text(' and '), { t: 'em', c: [text('it')] }]],
    ['__bold__ _it_', [{ t: 'strong', c: [text('bold')] }, text(' '), { t: 'em', c: [text('it')] }]],
    ['snake_case_name stays', [text('snake_case_name stays')]],
    ['2 * 3 * 4', [text('2 * 3 * 4')]],
    ['**`podSelector`** matters', [{ t: 'strong', c: [{ t: 'code', v: 'podSelector' }] }, text(' matters')]],
    ['`*not emphasis*`', [{ t: 'code', v: '*not emphasis*' }]],
    ['\\*escaped\\*', [text('*escaped*')]],
    ['**unclosed', [text('**unclosed')]],
    ['a `b', [text('a `b')]],
    ['**모든** 파드', [{ t: 'strong', c: [text('모든')] }, text(' 파드')]],
  ])('%s', (src, want) => {
    expect(parseInline(src)).toEqual(want);
  });

  it('keeps http(s) links, with the label parsed', () => {
    expect(parseInline('see [the **docs**](https://kubernetes.io/docs/)')).toEqual([
      text('see '),
      {
        t: 'link',
        href: 'https://kubernetes.io/docs/',
        c: [text('the '), { t: 'strong', c: [text('docs')] }],
      },
    ]);
    expect(parseInline('<https://example.com/a>')).toEqual([
      { t: 'link', href: 'https://example.com/a', c: [text('https://example.com/a')] },
    ]);
  });

  it('drops every other link target but keeps its words', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      '/relative',
      '//evil.example',
      'vbscript:x',
      'file:///etc/passwd',
    ]) {
      expect(parseInline(`[click](${href})`), href).toEqual([text('click')]);
    }
  });

  it('safeHref accepts only absolute http(s) URLs', () => {
    expect(safeHref('https://a.example/x?y=1')).toBe('https://a.example/x?y=1');
    expect(safeHref('http://a.example')).toBe('http://a.example/');
    expect(safeHref(' https://a.example ')).toBe('https://a.example/');
    expect(safeHref('https://')).toBeNull();
    expect(safeHref('ftp://a.example')).toBeNull();
    expect(safeHref('javascript:alert(1)//https://')).toBeNull();
  });

  it('leaves raw HTML as text', () => {
    expect(parseInline('<img src=x onerror=alert(1)> <b>hi</b>')).toEqual([
      text('<img src=x onerror=alert(1)> <b>hi</b>'),
    ]);
  });

  it('turns two trailing spaces or a backslash into a line break', () => {
    expect(parseInline('a  \nb\\\nc')).toEqual([text('a'), { t: 'br' }, text('b'), { t: 'br' }, text('c')]);
  });
});

describe('block Markdown', () => {
  it('reads headings, paragraphs (joining lines) and rules', () => {
    expect(parseBlocks('## Title ##\n\nOne\ntwo.\n\n---\n# H1')).toEqual<Block[]>([
      { t: 'heading', level: 2, c: [text('Title')] },
      { t: 'p', c: [text('One\ntwo.')] },
      { t: 'hr' },
      { t: 'heading', level: 1, c: [text('H1')] },
    ]);
  });

  it('reads fenced code verbatim, with its language', () => {
    const src = 'Before:\n```yaml\nspec:\n  podSelector: {}  # **not bold**\n```\nAfter.';
    expect(parseBlocks(src)).toEqual<Block[]>([
      { t: 'p', c: [text('Before:')] },
      { t: 'code', lang: 'yaml', v: 'spec:\n  podSelector: {}  # **not bold**' },
      { t: 'p', c: [text('After.')] },
    ]);
    expect(parseBlocks('```\nunclosed\n')).toEqual([{ t: 'code', lang: '', v: 'unclosed\n' }]);
  });

  it('reads bullet and numbered lists, with nesting and continuation lines', () => {
    expect(parseBlocks('- one\n  more\n- two\n  - inner\n\n3. three\n4. four')).toEqual<Block[]>([
      {
        t: 'list',
        ordered: false,
        start: 1,
        items: [
          [{ t: 'p', c: [text('one\nmore')] }],
          [
            { t: 'p', c: [text('two')] },
            { t: 'list', ordered: false, start: 1, items: [[{ t: 'p', c: [text('inner')] }]] },
          ],
        ],
      },
      {
        t: 'list',
        ordered: true,
        start: 3,
        items: [[{ t: 'p', c: [text('three')] }], [{ t: 'p', c: [text('four')] }]],
      },
    ]);
  });

  it('reads a list item holding a code block', () => {
    const blocks = parseBlocks('1. Write:\n\n   ```yaml\n   a: 1\n   ```\n2. Done');
    expect(blocks).toHaveLength(1);
    const list = blocks[0] as Extract<Block, { t: 'list' }>;
    expect(list.items[0]).toEqual([
      { t: 'p', c: [text('Write:')] },
      { t: 'code', lang: 'yaml', v: 'a: 1' },
    ]);
    expect(list.items[1]).toEqual([{ t: 'p', c: [text('Done')] }]);
  });

  it('reads tables with alignment, inline code and escaped pipes', () => {
    expect(parseBlocks('| pod | label |\n|:---|---:|\n| `web` | `a\\|b` |\n| db |')).toEqual<Block[]>([
      {
        t: 'table',
        align: ['left', 'right'],
        head: [[text('pod')], [text('label')]],
        rows: [
          [[{ t: 'code', v: 'web' }], [{ t: 'code', v: 'a|b' }]],
          [[text('db')], []],
        ],
      },
    ]);
  });

  it('reads block quotes', () => {
    expect(parseBlocks('> The frontend may call\n> `GET /products`.\n\nNext')).toEqual<Block[]>([
      {
        t: 'quote',
        c: [{ t: 'p', c: [text('The frontend may call\n'), { t: 'code', v: 'GET /products' }, text('.')] }],
      },
      { t: 'p', c: [text('Next')] },
    ]);
  });

  it('reads every lesson file without losing a word', () => {
    const root = join(import.meta.dirname, '../../../lessons');
    const words = (b: readonly (Block | Inline)[]): string =>
      b
        .map((n) => {
          if ('v' in n) return n.v;
          if ('c' in n) return words(n.c as readonly (Block | Inline)[]);
          if (n.t === 'list') return n.items.map(words).join(' ');
          if (n.t === 'table') return [...n.head, ...n.rows.flat()].map(words).join(' ');
          return '';
        })
        .join(' ');
    for (const dir of readdirSync(root).filter((d) => !d.includes('.'))) {
      for (const f of readdirSync(join(root, dir)).filter((x) => x.endsWith('.md'))) {
        const src = readFileSync(join(root, dir, f), 'utf8');
        const out = words(parseBlocks(src)).replace(/\s+/g, '');
        // Every letter of the source survives (markup characters aside).
        const letters = src.replace(/^ *\d+[.)] /gm, '').replace(/```\w*|[#*_`|>\-:\s\\]/g, '');
        expect(out.replace(/[#*_`|>\-:\s\\]/g, ''), `${dir}/${f}`).toBe(letters);
      }
    }
  });
});
