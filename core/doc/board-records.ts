import type * as Y from 'yjs';
import type { BoardOnRecord } from '../api/decisions.ts';
import { boardMethods } from './board-methods.ts';
import { listBoardsOf, type BoardMethod } from './methods.ts';

/** What a record keeps of boards at most: the rest is counted, not copied (the exports stay bounded). */
export const boardRecordLimits = { boards: 50, lines: 300 } as const;

/** Every board of a method that tells the record, in the registry's order then oldest first. */
function boardsTelling(doc: Y.Doc): { id: string; method: BoardMethod }[] {
  const methods: readonly BoardMethod[] = boardMethods;
  return methods.flatMap((method) => listBoardsOf(doc, method.kind).map((id) => ({ id, method })));
}

/**
 * What the decision record keeps of the activity's boards, in both languages: each
 * board that holds something, at most `boards` of them and `lines` lines each.
 */
export function boardsOnRecord(doc: Y.Doc): BoardOnRecord[] {
  const out: BoardOnRecord[] = [];
  for (const { id, method } of boardsTelling(doc)) {
    if (!method.record || out.length >= boardRecordLimits.boards) continue;
    const en = method.record(doc, id, 'en');
    const fr = method.record(doc, id, 'fr');
    if (!en || !fr) continue;
    const more = Math.max(0, en.lines.length - boardRecordLimits.lines);
    const cut = (r: typeof en) => ({ title: r.title, lines: r.lines.slice(0, boardRecordLimits.lines) });
    out.push({ id, kind: method.kind, en: cut(en), fr: cut(fr), more });
  }
  return out;
}

/** Each board of a method that gives a table, as rows (header first), for CSV. */
export function boardTables(doc: Y.Doc): { id: string; kind: string; rows: unknown[][] }[] {
  return boardsTelling(doc).flatMap(({ id, method }) => (method.table ? [{ id, kind: method.kind, rows: method.table(doc, id) }] : []));
}
