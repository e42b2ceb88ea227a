/**
 * "Private first" board entries: before a board is worked on together, each member
 * writes their own entries (SWOT items, pros and cons…) alone, sealed on the relay like
 * a vote. At the reveal everyone sees all entries at once, per column; the facilitator
 * then puts them on the shared board. Until then they exist nowhere else.
 *
 * Entries are listed per column in alphabetical order, so their order says nothing of
 * who wrote them or when; identical entries (ignoring case and spaces) are counted
 * once, with how many people wrote them.
 */
export interface PrivateEntry {
  column: string;
  text: string;
}

export interface EntriesResult {
  kind: 'entries';
  contributors: number;
  total: number;
  columns: { column: string; entries: { text: string; count: number }[] }[];
}

/** Why a member's entries do not fit the board, or null when they do. */
export function checkEntries(columns: readonly string[], maxPerPerson: number, entries: readonly PrivateEntry[]): string | null {
  if (entries.length === 0) return 'write at least one entry';
  if (entries.length > maxPerPerson) return `at most ${maxPerPerson} entries each`;
  for (const entry of entries) {
    if (!columns.includes(entry.column)) return `"${entry.column}" is not a column of this board`;
  }
  return null;
}

const spaced = (text: string) => text.replace(/\s+/g, ' ').trim();
const sameText = (text: string) => spaced(text).toLocaleLowerCase();

/**
 * The text shown for entries that say the same thing: spacing tidied, and of their
 * spellings the first in code-point order (capitals first), so it never depends on the
 * order ballots were read in — an anonymous poll stores them in no order at all.
 */
const shownText = (a: string, b: string) => (a < b ? a : b);

export function tallyEntries(columns: readonly string[], ballots: readonly (readonly PrivateEntry[])[]): EntriesResult {
  const byColumn = new Map(columns.map((c) => [c, new Map<string, { text: string; count: number }>()]));
  let total = 0;
  for (const entries of ballots) {
    for (const entry of entries) {
      const column = byColumn.get(entry.column);
      if (!column) throw new Error(`"${entry.column}" is not a column of this board`);
      const key = sameText(entry.text);
      const seen = column.get(key);
      if (seen) {
        seen.count += 1;
        seen.text = shownText(seen.text, spaced(entry.text));
      } else column.set(key, { text: spaced(entry.text), count: 1 });
      total += 1;
    }
  }
  return {
    kind: 'entries',
    contributors: ballots.length,
    total,
    columns: columns.map((column) => ({
      column,
      entries: [...(byColumn.get(column)?.values() ?? [])].sort((a, b) => a.text.localeCompare(b.text)),
    })),
  };
}
