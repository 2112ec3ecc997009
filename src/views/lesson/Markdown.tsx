// Lesson prose as React elements: markdown.ts reads the text into plain data, this renders it.
// No HTML strings anywhere; links open in a new tab without access to this page.
import { createElement, Fragment, useMemo, type ReactNode } from 'react';
import { parseBlocks, parseInline, type Block, type Inline } from './markdown';

function inlines(list: readonly Inline[]): ReactNode[] {
  return list.map((n, i) => {
    switch (n.t) {
      case 'text':
        return <Fragment key={i}>{n.v}</Fragment>;
      case 'code':
        return <code key={i}>{n.v}</code>;
      case 'strong':
        return <strong key={i}>{inlines(n.c)}</strong>;
      case 'em':
        return <em key={i}>{inlines(n.c)}</em>;
      case 'link':
        return (
          <a key={i} href={n.href} target="_blank" rel="noopener noreferrer">
            {inlines(n.c)}
          </a>
        );
      case 'br':
        return <br key={i} />;
    }
  });
}

function blocks(list: readonly Block[], offset: number): ReactNode[] {
  return list.map((b, i) => {
    switch (b.t) {
      case 'heading':
        return createElement(`h${Math.min(6, b.level + offset)}`, { key: i }, inlines(b.c));
      case 'p':
        return <p key={i}>{inlines(b.c)}</p>;
      case 'list': {
        const items = b.items.map((item, k) => {
          // A one-paragraph item renders tight, without a <p>.
          const only = item.length === 1 && item[0]!.t === 'p' ? item[0] : null;
          return <li key={k}>{only && only.t === 'p' ? inlines(only.c) : blocks(item, offset)}</li>;
        });
        return b.ordered ? (
          <ol key={i} start={b.start === 1 ? undefined : b.start}>
            {items}
          </ol>
        ) : (
          <ul key={i}>{items}</ul>
        );
      }
      case 'code':
        return (
          <pre key={i} className="md-code" tabIndex={0}>
            <code className={b.lang ? `language-${b.lang}` : undefined}>{b.v}</code>
          </pre>
        );
      case 'table':
        return (
          <div
            key={i}
            className="md-table"
            tabIndex={0}
            role="region"
            aria-label={b.head.map((h) => h.map((n) => ('v' in n ? n.v : '')).join('')).join(', ')}
          >
            <table>
              <thead>
                <tr>
                  {b.head.map((h, k) => (
                    <th key={k} scope="col" style={b.align[k] ? { textAlign: b.align[k]! } : undefined}>
                      {inlines(h)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {b.rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, k) => (
                      <td key={k} style={b.align[k] ? { textAlign: b.align[k]! } : undefined}>
                        {inlines(cell)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      case 'quote':
        return <blockquote key={i}>{blocks(b.c, offset)}</blockquote>;
      case 'hr':
        return <hr key={i} />;
    }
  });
}

/** Renders Markdown; `headingOffset` shifts `##` down to fit the page's outline. */
export function Markdown({ text, headingOffset = 0 }: { text: string; headingOffset?: number }) {
  const tree = useMemo(() => parseBlocks(text), [text]);
  return <div className="md">{blocks(tree, headingOffset)}</div>;
}

/** One line of Markdown (a quiz question, an option, a reveal): `code`, **strong**, links. */
export function InlineMarkdown({ text }: { text: string }) {
  const nodes = useMemo(() => parseInline(text), [text]);
  return <>{inlines(nodes)}</>;
}
