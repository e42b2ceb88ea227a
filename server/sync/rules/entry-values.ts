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

/**
 * SPEC W15 for a board's own setting (`methods/<board>/<key>`): the one plain value its
 * method takes under `key` (`settings` in core/doc/<method>.ts). Returns why it is
 * refused, or null; a key the method does not name is W5's alone.
 */
export function settingValueRefusal(kind: unknown, key: string, values: readonly unknown[] | null): string | null {
  const method = boardMethodOf(kind);
  const schema = method?.settings && Object.hasOwn(method.settings, key) ? method.settings[key] : undefined;
  if (!method || !schema) return null;
  if (values?.length !== 1 || !schema.safeParse(values[0]).success) return `a ${method.kind} board's "${key}" holds a value it does not take`;
  return null;
}
