import type { ReactNode } from 'react';

/**
 * A Markdown text shown as headings, paragraphs, lists, quotes, code and links — built as
 * React elements, never as HTML: whatever the file holds (`<script>`, `<img onerror>`,
 * raw HTML) is shown as text, and only http(s) and mailto links become links (opened in a
 * new window, without a referrer). Bounded to the first 5,000 blocks.
 */
export function Markdown({ text }: { text: string }) {
  return <div className="markdown">{blocks(text.replace(/\r\n?/g, '\n').split('\n'))}</div>;
}

const maxBlocks = 5000;

function blocks(lines: string[]): ReactNode[] {
  const out: ReactNode[] = [];
  let i = 0;
  while (i < lines.length && out.length < maxBlocks) {
    const line = lines[i]!;
    const key = out.length;
    if (/^\s*$/.test(line)) {
      i++;
    } else if (/^```/.test(line)) {
      const code: string[] = [];
      for (i++; i < lines.length && !/^```/.test(lines[i]!); i++) code.push(lines[i]!);
      i++;
      out.push(<pre key={key}><code>{code.join('\n')}</code></pre>);
    } else if (/^#{1,6}\s/.test(line)) {
      const level = /^#+/.exec(line)![0].length;
      const Tag = `h${Math.min(6, level + 2)}` as 'h3';
      out.push(<Tag key={key}>{inline(line.replace(/^#+\s+/, '').replace(/\s+#+\s*$/, ''))}</Tag>);
      i++;
    } else if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      out.push(<hr key={key} />);
      i++;
    } else if (/^\s*>/.test(line)) {
      const quote: string[] = [];
      for (; i < lines.length && /^\s*>/.test(lines[i]!); i++) quote.push(lines[i]!.replace(/^\s*>\s?/, ''));
      out.push(<blockquote key={key}>{blocks(quote)}</blockquote>);
    } else if (/^\s*([-*+]|\d{1,9}[.)])\s+/.test(line)) {
      const ordered = /^\s*\d/.test(line);
      const items: string[] = [];
      for (; i < lines.length && /^\s*([-*+]|\d{1,9}[.)])\s+/.test(lines[i]!); i++) items.push(lines[i]!.replace(/^\s*([-*+]|\d{1,9}[.)])\s+/, ''));
      const list = items.map((item, n) => <li key={n}>{inline(item)}</li>);
      out.push(ordered ? <ol key={key}>{list}</ol> : <ul key={key}>{list}</ul>);
    } else {
      const para: string[] = [];
      for (; i < lines.length && !/^\s*$/.test(lines[i]!) && !/^(```|#{1,6}\s|\s*>|\s*([-*+]|\d{1,9}[.)])\s+)/.test(lines[i]!); i++) para.push(lines[i]!.trim());
      if (para.length === 0) {
        para.push(line);
        i++;
      }
      out.push(<p key={key}>{inline(para.join(' '))}</p>);
    }
  }
  return out;
}

const safeLink = (href: string) => /^(https?:\/\/|mailto:)/i.test(href);

/** `code`, **strong**, *emphasis* or _emphasis_, [text](url): one left-to-right pass. */
function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*]+)\*|_([^_]+)_|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const key = out.length;
    if (m[1] !== undefined) out.push(<code key={key}>{m[1]}</code>);
    else if (m[2] !== undefined) out.push(<strong key={key}>{m[2]}</strong>);
    else if (m[3] !== undefined || m[4] !== undefined) out.push(<em key={key}>{m[3] ?? m[4]}</em>);
    else if (m[5] !== undefined && m[6] !== undefined) {
      out.push(
        safeLink(m[6]) ? (
          <a key={key} href={m[6]} target="_blank" rel="noopener noreferrer">
            {m[5]}
          </a>
        ) : (
          m[0]
        ),
      );
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
