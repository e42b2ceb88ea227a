import type { ReactNode } from 'react';

/**
 * Shows a comment's Lexical JSON without an editor: 2,000 comments must not mean
 * 2,000 editors. Unknown nodes show their text; links keep only safe schemes.
 */
interface Node {
  type?: string;
  text?: string;
  format?: number | string;
  tag?: string;
  listType?: string;
  url?: string;
  name?: string;
  children?: Node[];
  root?: Node;
}

const Format = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16 } as const;

function text(node: Node, key: number): ReactNode {
  let out: ReactNode = node.text ?? '';
  const f = typeof node.format === 'number' ? node.format : 0;
  if (f & Format.code) out = <code key={key}>{out}</code>;
  if (f & Format.bold) out = <strong key={key}>{out}</strong>;
  if (f & Format.italic) out = <em key={key}>{out}</em>;
  if (f & Format.underline) out = <u key={key}>{out}</u>;
  if (f & Format.strikethrough) out = <s key={key}>{out}</s>;
  return typeof out === 'string' ? <span key={key}>{out}</span> : out;
}

function safeUrl(url: string | undefined): string | null {
  return url && /^(https?:\/\/|mailto:)/i.test(url) ? url : null;
}

function render(node: Node, key: number): ReactNode {
  const children = (node.children ?? []).map((child, i) => render(child, i));
  switch (node.type) {
    case 'root':
      return <>{children}</>;
    case 'paragraph':
      return <p key={key}>{children}</p>;
    case 'heading':
      return <h4 key={key}>{children}</h4>;
    case 'list':
      return node.listType === 'number' ? <ol key={key}>{children}</ol> : <ul key={key}>{children}</ul>;
    case 'listitem':
      return <li key={key}>{children}</li>;
    case 'link':
    case 'autolink': {
      const href = safeUrl(node.url);
      return href ? (
        <a key={key} href={href} target="_blank" rel="noopener noreferrer">
          {children}
        </a>
      ) : (
        <span key={key}>{children}</span>
      );
    }
    case 'mention':
      return (
        <span key={key} className="mention">
          {node.text}
        </span>
      );
    case 'linebreak':
      return <br key={key} />;
    case 'text':
      return text(node, key);
    default:
      return node.text ? <span key={key}>{node.text}</span> : <span key={key}>{children}</span>;
  }
}

export function RichText({ json, fallback }: { json: string; fallback: string }) {
  try {
    const parsed = JSON.parse(json) as Node;
    return <div className="rich-text">{render(parsed.root ?? parsed, 0)}</div>;
  } catch {
    return <div className="rich-text">{fallback}</div>;
  }
}
