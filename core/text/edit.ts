/**
 * The one contiguous change that turns `before` into `after` (what a text box reports on
 * each input: typed, deleted, pasted over a selection): where it starts, how many UTF-16
 * units it removes, and what it inserts; null when nothing changed. Never cuts a surrogate
 * pair in two, so an emoji is replaced whole.
 */
export interface TextEdit {
  at: number;
  remove: number;
  insert: string;
}

export function textEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  const most = Math.min(before.length, after.length);
  let start = 0;
  while (start < most && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start > 0 && isHigh(before.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < most - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  if (end > 0 && isLow(before.charCodeAt(before.length - end))) end--;
  return { at: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

/** Where a caret at `caret` in `before` stands once `edit` is made by someone else: after it when the edit is before it. */
export function caretAfter(edit: TextEdit, caret: number): number {
  if (caret <= edit.at) return caret;
  if (caret >= edit.at + edit.remove) return caret - edit.remove + edit.insert.length;
  return edit.at + edit.insert.length;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
