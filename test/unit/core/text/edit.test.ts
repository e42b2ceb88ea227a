import { describe, expect, it } from 'vitest';
import { caretAfter, textEdit } from '#core/text/edit';

describe('one text box change as an edit', () => {
  it('finds the one contiguous change: typed, removed, pasted over a selection; none when equal', () => {
    expect(textEdit('abc', 'abc')).toBeNull();
    expect(textEdit('abc', 'abXc')).toEqual({ at: 2, remove: 0, insert: 'X' });
    expect(textEdit('abc', 'ac')).toEqual({ at: 1, remove: 1, insert: '' });
    expect(textEdit('hello world', 'hello there')).toEqual({ at: 6, remove: 5, insert: 'there' });
    expect(textEdit('', 'new')).toEqual({ at: 0, remove: 0, insert: 'new' });
    // Repeated letters: the change is placed once, and applying it gives the text typed.
    const e = textEdit('aaa', 'aaaa')!;
    expect('aaa'.slice(0, e.at) + e.insert + 'aaa'.slice(e.at + e.remove)).toBe('aaaa');
  });

  it('never cuts an emoji (a surrogate pair) in two', () => {
    const before = 'a😀b';
    const after = 'a😃b';
    const e = textEdit(before, after)!;
    expect(e).toEqual({ at: 1, remove: 2, insert: '😃' });
    expect(before.slice(0, e.at) + e.insert + before.slice(e.at + e.remove)).toBe(after);
  });

  it('keeps a caret where it stood in the text around someone else’s change', () => {
    const edit = { at: 2, remove: 1, insert: 'XYZ' };
    expect(caretAfter(edit, 1)).toBe(1);
    expect(caretAfter(edit, 2)).toBe(2);
    expect(caretAfter(edit, 5)).toBe(7);
    expect(caretAfter(edit, 3)).toBe(5);
  });
});
