/**
 * Merging a duplicate into another idea of the same box. The duplicate's voters are
 * counted on the kept idea once each (a person who voted for both counts once; the kept
 * idea's author never votes for their own idea); the duplicate leaves the lists, says
 * what it was merged into, and both authors are told.
 */
export interface Mergeable {
  id: string;
  activityId: string;
  mergedInto: string | null;
  hidden: boolean;
}

export function judgeMerge(duplicate: Mergeable, kept: Mergeable): string | null {
  if (duplicate.id === kept.id) return 'An idea cannot be merged into itself.';
  if (duplicate.activityId !== kept.activityId) return 'Only ideas of the same idea box can be merged.';
  if (duplicate.mergedInto) return 'This idea was already merged into another.';
  if (kept.mergedInto) return 'The idea to keep was itself merged into another: merge into that one.';
  if (kept.hidden) return 'The idea to keep is hidden: show it again first.';
  return null;
}
