import type { BoardEntry, DocumentContent } from '#core/api/history';

export type Mark = 'added' | 'changed' | 'removed';

/** What a board entry (item or option) looked like, with where it lives in the document. */
export interface EntryAt {
  path: string;
  entry: BoardEntry;
  mark: Mark | null;
}

/**
 * What changed between two moments, as marks by document path (`methods/<board>/items/<id>`,
 * `methods/<board>/options/<id>`, `comments/<id>`, `brief`): added or changed at the
 * later moment, or removed (present only at the earlier one).
 */
export function changesBetween(before: DocumentContent | null, after: DocumentContent): Map<string, Mark> {
  const marks = new Map<string, Mark>();
  const was = before ? flatten(before) : new Map<string, string>();
  const is = flatten(after);
  for (const [path, value] of is) {
    const old = was.get(path);
    if (old === undefined) marks.set(path, 'added');
    else if (old !== value) marks.set(path, 'changed');
  }
  for (const path of was.keys()) if (!is.has(path)) marks.set(path, 'removed');
  if (before && before.brief !== after.brief) marks.set('brief', 'changed');
  return marks;
}

function flatten(content: DocumentContent): Map<string, string> {
  const out = new Map<string, string>();
  for (const board of content.boards) {
    out.set(`methods/${board.id}`, board.kind);
    for (const item of board.items) out.set(`methods/${board.id}/items/${item.id}`, JSON.stringify(item));
    for (const option of board.options) out.set(`methods/${board.id}/options/${option.id}`, JSON.stringify(option));
  }
  for (const comment of content.comments) out.set(`comments/${comment.id}`, JSON.stringify(comment));
  return out;
}

/**
 * A board's entries (`items` or `options`) at the later moment, marked, with those removed
 * just then put back in (marked removed) so the timeline can show what went.
 */
export function entriesWithRemoved(
  boardId: string,
  part: 'items' | 'options',
  after: BoardEntry[],
  before: BoardEntry[],
  marks: Map<string, Mark>,
): EntryAt[] {
  const pathOf = (e: BoardEntry) => `methods/${boardId}/${part}/${e.id}`;
  const out: EntryAt[] = after.map((entry) => ({
    path: pathOf(entry),
    entry,
    mark: marks.get(pathOf(entry)) ?? null,
  }));
  for (const entry of before) if (marks.get(pathOf(entry)) === 'removed') out.push({ path: pathOf(entry), entry, mark: 'removed' });
  return out;
}
