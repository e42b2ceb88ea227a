import { boardMethodOf } from '#core/doc/board-methods';
import type { BoardSetting } from '#core/doc/methods';

/**
 * SPEC W15: the value a field of a board entry is given, judged against the entry schema
 * of the board's method (core/doc/<method>.ts `entryField`). `values` are the plain
 * values written under the field (null for a shared type, text, or a field written twice
 * in one update); `setting` reads the board's settings as they stand once the update is
 * applied. Returns why it is refused, or null. Methods that give no `entryField` (and
 * boards of a kind core does not know) take any value: their readers skip entries that do
 * not parse.
 */
export function entryValueRefusal(kind: unknown, field: string, values: readonly unknown[] | null, setting: BoardSetting = () => undefined): string | null {
  const method = boardMethodOf(kind);
  if (!method?.entryField) return null;
  const schema = method.entryField(field, setting);
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

/** Whether the board's method holds entries of its own schema under `part` (a matrix's columns, options). */
export function isJudgedPart(kind: unknown, part: string): boolean {
  const parts = boardMethodOf(kind)?.parts;
  return parts !== undefined && Object.hasOwn(parts, part);
}

/**
 * SPEC W15 for a field of an entry of one of a board's other parts
 * (`methods/<board>/<part>/<id>/<field>`, `parts` in core/doc/<method>.ts): the one plain
 * value its schema takes. Returns why it is refused, or null; a part the method does not
 * name is W5's alone.
 */
export function partValueRefusal(kind: unknown, part: string, field: string, values: readonly unknown[] | null): string | null {
  const method = boardMethodOf(kind);
  const fieldOf = method?.parts && Object.hasOwn(method.parts, part) ? method.parts[part] : undefined;
  if (!method || !fieldOf) return null;
  const schema = fieldOf(field);
  if (!schema) return `a ${method.kind} board's ${part.slice(0, 40)} have no field "${field.slice(0, 40)}"`;
  if (values?.length !== 1 || !schema.safeParse(values[0]).success) return `"${field.slice(0, 40)}" holds a value a ${method.kind} board's ${part.slice(0, 40)} do not take`;
  return null;
}
