import { actionItemsKind } from '#core/doc/action-items';
import { actionAssignFields, actionStatusField } from '#core/methods/action-items';
import type { Author } from './author.ts';

/**
 * A change to one field of a board entry that already exists, as a method's own rule
 * sees it (SPEC W12): the field, the entry as the document holds it now, and the sender.
 * Returns why it is refused, or null. W1–W7 are judged before and apart.
 */
export type EntryRule = (field: string, held: (key: string) => unknown, sender: Author) => string | null;

/** W12: an action item's status is its owner's or a facilitator's; its owner and due day a facilitator's or its author's. */
const actionItemRule: EntryRule = (field, held, sender) => {
  if (sender.role === 'facilitator') return null;
  if (field === actionStatusField && held('ownerId') !== sender.id) return "an action item's status is changed by its owner or a facilitator";
  if (actionAssignFields.includes(field) && held('authorId') !== sender.id) return "an action item's owner and due date are changed by its author or a facilitator";
  return null;
};

/** Methods whose entries have rules of their own, by kind: one line per method. */
export const entryRules: Partial<Record<string, EntryRule>> = {
  [actionItemsKind]: actionItemRule,
};
