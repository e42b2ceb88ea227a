/**
 * CSV as spreadsheets read it (RFC 4180, CRLF, UTF-8 with a byte-order mark). A cell
 * that a spreadsheet would take as a formula (`=`, `+`, `-`, `@`, tab, carriage return)
 * is written with a leading `'`, so a board entry can never run in someone's spreadsheet.
 */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

function cell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of objects as CSV: the columns are `first` then every other key met, in the order met. */
export function objectsToCsv(objects: readonly Record<string, unknown>[], first: readonly string[] = []): string {
  const columns = [...first];
  for (const o of objects) for (const key of Object.keys(o)) if (!columns.includes(key)) columns.push(key);
  return toCsv([columns, ...objects.map((o) => columns.map((c) => o[c]))]);
}
