import * as Y from 'yjs';
import type { BoardAt, BoardEntry, CommentAt, DocumentContent } from '../api/history.ts';
import { briefOf } from './brief.ts';
import { commentsOf } from './comments.ts';
import { methodsOf } from './methods.ts';

/**
 * A document's content as plain JSON, for the history: every board with its items and
 * options, every comment with all its versions, the brief as text. Read leniently: what
 * a foreign client wrote is shown as it is rather than hidden, so that nothing a
 * restore could bring back is invisible.
 */
export function documentContent(doc: Y.Doc): DocumentContent {
  return { boards: readBoards(doc), comments: readCommentsAsIs(doc), brief: briefText(briefOf(doc)) };
}

function readBoards(doc: Y.Doc): BoardAt[] {
  const boards: BoardAt[] = [];
  for (const [id, board] of methodsOf(doc).entries()) {
    if (!(board instanceof Y.Map)) continue;
    const kind = board.get('kind');
    boards.push({ id, kind: typeof kind === 'string' ? kind : 'unknown', items: entries(board.get('items')), options: entries(board.get('options')) });
  }
  return boards.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function entries(map: unknown): BoardEntry[] {
  if (!(map instanceof Y.Map)) return [];
  const out: BoardEntry[] = [];
  for (const [id, entry] of (map as Y.Map<unknown>).entries()) {
    if (entry instanceof Y.Map) out.push({ ...(entry.toJSON() as Record<string, unknown>), id });
  }
  // By order (or creation), then id: the same entries always come out in the same order.
  const key = (e: BoardEntry) => `${String(e.order ?? e.createdAt ?? '')}\u0000${e.id}`;
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function readCommentsAsIs(doc: Y.Doc): CommentAt[] {
  const out: CommentAt[] = [];
  for (const map of commentsOf(doc)) {
    if (!(map instanceof Y.Map)) continue;
    const raw = map.toJSON() as Record<string, unknown>;
    if (typeof raw.id !== 'string') continue;
    out.push({ ...raw, id: raw.id, versions: Array.isArray(raw.versions) ? (raw.versions as CommentAt['versions']) : [] });
  }
  return out;
}

/** Lexical's inline elements: their text stays in the line around them. */
const inlineTypes = new Set(['link', 'autolink']);

/**
 * The brief's text, one line per block. Lexical's binding keeps each element as a
 * Y.XmlText (its type in the `__type` attribute) and each text node as a Y.Map of its
 * properties followed by its characters in the parent.
 */
export function briefText(root: Y.XmlText): string {
  const lines: string[] = [];
  collectLines(root, lines);
  return lines.join('\n');
}

function collectLines(element: Y.XmlText, lines: string[]) {
  let line = '';
  let blocks = false;
  for (const op of element.toDelta() as { insert: unknown }[]) {
    if (typeof op.insert === 'string') line += op.insert;
    else if (op.insert instanceof Y.XmlText) {
      const type = op.insert.getAttribute('__type');
      if (typeof type === 'string' && inlineTypes.has(type)) line += inlineText(op.insert);
      else {
        if (line) lines.push(line);
        line = '';
        blocks = true;
        collectLines(op.insert, lines);
      }
    }
  }
  if (line || !blocks) lines.push(line);
}

function inlineText(element: Y.XmlText): string {
  let text = '';
  for (const op of element.toDelta() as { insert: unknown }[]) {
    if (typeof op.insert === 'string') text += op.insert;
    else if (op.insert instanceof Y.XmlText) text += inlineText(op.insert);
  }
  return text;
}
