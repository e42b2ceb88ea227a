import { z } from 'zod';
import { Id, IsoDateTime } from '../api/common.ts';
import { OrderKey } from './order.ts';

/**
 * Responsibility matrices: tasks × people (members) or named roles, one letter per cell.
 * RACI (Responsible, Accountable, Consulted, Informed), DACI (Driver, Approver,
 * Contributor, Informed), RASIC (Responsible, Accountable, Supportive, Informed,
 * Consulted). Each variant names the letters a task holds exactly once: A in RACI and
 * RASIC; D and A in DACI. A task with none or several of one is warned about.
 */
export const RaciVariant = z.enum(['raci', 'daci', 'rasic']);
export type RaciVariant = z.infer<typeof RaciVariant>;
export const RaciLetter = z.enum(['R', 'A', 'C', 'I', 'D', 'S']);
export type RaciLetter = z.infer<typeof RaciLetter>;

export const variantLetters: Record<RaciVariant, readonly RaciLetter[]> = {
  raci: ['R', 'A', 'C', 'I'],
  daci: ['D', 'A', 'C', 'I'],
  rasic: ['R', 'A', 'S', 'I', 'C'],
};
export const singleLetters: Record<RaciVariant, readonly RaciLetter[]> = { raci: ['A'], daci: ['D', 'A'], rasic: ['A'] };

/** A task's cell for a column is its field `cell:<column id>`. */
export const cellPrefix = 'cell:';
export const cellField = (columnId: string) => `${cellPrefix}${columnId}`;

export const RaciText = z.string().trim().min(1, 'a task needs some text').max(300, 'a task has at most 300 characters');
export const ColumnLabel = z.string().trim().min(1, 'a column needs a name').max(120, 'a column name has at most 120 characters');

/** A column: a member (personId) or a named role. */
export const RaciColumn = z.strictObject({ id: Id, label: ColumnLabel, personId: Id.optional(), order: OrderKey });

/** A column field's schema (SPEC W15); null for a field a column does not have. */
export const raciColumnField = (field: string): z.ZodType | null =>
  Object.hasOwn(RaciColumn.shape, field) ? (RaciColumn.shape[field as keyof typeof RaciColumn.shape] as z.ZodType) : null;
export type RaciColumn = z.infer<typeof RaciColumn>;

export const RaciTaskFields = z.strictObject({
  id: Id,
  text: RaciText,
  order: OrderKey,
  authorId: Id,
  authorName: z.string().max(120),
  createdAt: IsoDateTime,
  editedAt: IsoDateTime.optional(),
  editedBy: Id.optional(),
});

export interface RaciTask extends z.infer<typeof RaciTaskFields> {
  cells: Record<string, RaciLetter>;
}

/**
 * Reads a task map's JSON: its fields, and its cells (`cell:<id>` keys holding a letter of
 * `variant`; a letter of another variant, written before the facilitator changed it, is kept
 * in the document but not read); null if it does not parse.
 */
export function readRaciTask(raw: Record<string, unknown>, variant: RaciVariant = 'raci'): RaciTask | null {
  const letters: readonly string[] = variantLetters[variant];
  const cells: Record<string, RaciLetter> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith(cellPrefix)) rest[key] = value;
    else if (Id.safeParse(key.slice(cellPrefix.length)).success && typeof value === 'string' && letters.includes(value)) cells[key.slice(cellPrefix.length)] = value as RaciLetter;
  }
  const fields = RaciTaskFields.safeParse(rest).data;
  return fields ? { ...fields, cells } : null;
}

const cellValues = {
  raci: z.enum(['', ...variantLetters.raci]),
  daci: z.enum(['', ...variantLetters.daci]),
  rasic: z.enum(['', ...variantLetters.rasic]),
} as const satisfies Record<RaciVariant, z.ZodType>;

/**
 * A task field's schema (SPEC W15): its own, or for a cell a letter of `variant` ('' clears
 * it); null for a field a task does not have.
 */
export function raciTaskField(field: string, variant: RaciVariant = 'raci'): z.ZodType | null {
  if (field.startsWith(cellPrefix)) return Id.safeParse(field.slice(cellPrefix.length)).success ? cellValues[variant] : null;
  return Object.hasOwn(RaciTaskFields.shape, field) ? (RaciTaskFields.shape[field as keyof typeof RaciTaskFields.shape] as z.ZodType) : null;
}

export interface RaciWarning {
  letter: RaciLetter;
  problem: 'none' | 'many';
}

/** What is wrong with a task in `variant`, counting only the columns that exist and the variant's letters. */
export function taskWarnings(task: RaciTask, columns: readonly RaciColumn[], variant: RaciVariant): RaciWarning[] {
  const out: RaciWarning[] = [];
  for (const letter of singleLetters[variant]) {
    const n = columns.filter((c) => task.cells[c.id] === letter).length;
    if (n !== 1) out.push({ letter, problem: n === 0 ? 'none' : 'many' });
  }
  return out;
}
