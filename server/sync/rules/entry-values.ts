import { boardMethodOf } from '#core/doc/board-methods';

/**
 * SPEC W15: the value a field of a board entry is given, judged against the entry schema
 * of the board's method (core/doc/<method>.ts `entryField`). `values` are the plain
 * values written under the field (null for a shared type, text, or a field written twice
 * in one update). Returns why it is refused, or null. Methods that give no `entryField`
 * (and boards of a kind core does not know) take any value: their readers skip entries
 * that do not parse.
 */
export function entryValueRefusal(kind: unknown, field: string, values: readonly unknown[] | null): string | null {
  const method = boardMethodOf(kind);
  if (!method?.entryField) return null;
  const schema = method.entryField(field);
  if (!schema) return `a ${method.kind} entry has no field "${field.slice(0, 40)}"`;
  if (values?.length !== 1 || !schema.safeParse(values[0]).success) return `"${field}" holds a value a ${method.kind} entry does not take`;
  return null;
}
