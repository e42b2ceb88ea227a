/**
 * The one rewrite the PostgreSQL engine makes to a query: SQLite's `?` and `?N`
 * placeholders become `$N`. A `?` inside a string literal ('…'), a quoted name ("…"),
 * or a comment (-- … and /* … *\/) is text, not a placeholder, and is left alone.
 * Numbering follows SQLite's: `?N` is parameter N, and a bare `?` takes one more than the
 * largest number given so far.
 */
export function toNumberedPlaceholders(sql: string): string {
  let out = '';
  let largest = 0;
  let i = 0;
  const copyUntil = (end: string, from: number) => {
    const stop = sql.indexOf(end, from);
    const to = stop === -1 ? sql.length : stop + end.length;
    out += sql.slice(i, to);
    i = to;
  };
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      // A doubled quote inside the literal closes and reopens it: copying each part is the same.
      copyUntil(c, i + 1);
    } else if (c === '-' && sql[i + 1] === '-') {
      copyUntil('\n', i + 2);
    } else if (c === '/' && sql[i + 1] === '*') {
      copyUntil('*/', i + 2);
    } else if (c === '?') {
      const digits = /^\d+/.exec(sql.slice(i + 1))?.[0] ?? '';
      const n = digits ? Number(digits) : largest + 1;
      largest = Math.max(largest, n);
      out += `$${n}`;
      i += 1 + digits.length;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
