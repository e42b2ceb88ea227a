import { actionItemsKind } from '#core/doc/action-items';
import { raciMethod } from '#core/doc/raci';

/** The people of the activity (the room keeps them, by id, with their current names): who an entry may name (W15). */
export interface ActivityMembers {
  nameOf(userId: string): string | undefined;
}
export const noMembers: ActivityMembers = { nameOf: () => undefined };

/** Fields of a method's entries that name a member of the activity: the id, and the name written beside it. One line per method. */
const memberFields: Partial<Record<string, { id: string; name: string }>> = {
  [actionItemsKind]: { id: 'ownerId', name: 'ownerName' },
};

/**
 * Fields of entries of a board's other parts that name a member, by part (a matrix's column for a
 * person). The entry's label is its own (a column name), not held to the member's name.
 */
const memberPartFields: Partial<Record<string, Partial<Record<string, string>>>> = {
  [raciMethod.kind]: { columns: 'personId' },
};

/** The member fields of a board of `kind`, if its entries name one. */
export const memberFieldsOf = (kind: unknown) => (typeof kind === 'string' ? memberFields[kind] : undefined);

/**
 * SPEC W15: an entry that names a member (an action item's owner) names someone of the
 * activity, under the name the relay knows them by now (`value` reads each field as it
 * stands once the update is applied). Returns why it is refused, or null.
 */
export function memberRefusal(kind: unknown, value: (key: string) => unknown, members: ActivityMembers): string | null {
  const fields = memberFieldsOf(kind);
  if (!fields) return null;
  const id = value(fields.id);
  const name = typeof id === 'string' ? members.nameOf(id) : undefined;
  if (name === undefined) return `"${fields.id}" names a member of this activity`;
  if (value(fields.name) !== name) return `"${fields.name}" is that member's name`;
  return null;
}

/**
 * SPEC W15 for a field of an entry of a board's other part (`methods/<board>/<part>/<id>/<field>`)
 * that names a member (a matrix's column `personId`): as written, it names someone of the
 * activity now. Judged only when written: a column made for a member removed since stays.
 * Returns why it is refused, or null.
 */
export function partMemberRefusal(kind: unknown, part: string, field: string, values: readonly unknown[] | null, members: ActivityMembers): string | null {
  const parts = typeof kind === 'string' && Object.hasOwn(memberPartFields, kind) ? memberPartFields[kind] : undefined;
  if (!parts || !Object.hasOwn(parts, part) || parts[part] !== field) return null;
  const id = values?.length === 1 ? values[0] : undefined;
  return typeof id === 'string' && members.nameOf(id) !== undefined ? null : `"${field}" names a member of this activity`;
}
