import { z } from 'zod';
import { Id } from '../api/common.ts';
import { maxAnchorPage } from '../doc/attachments.ts';

/**
 * A facilitator presenting a file: a field of their presence (awareness) state,
 * `presenting: {fileId, page}`, the page (from 1) everyone following sees. Setting it to
 * null, or leaving, ends the presentation. The relay passes it on only from a facilitator
 * and only naming a file of the activity (server/sync/SPEC.md A5); anyone else's claim
 * never reaches the others.
 */
export const presentingKey = 'presenting';

export const Presenting = z.strictObject({
  fileId: Id,
  page: z.int().min(1).max(maxAnchorPage),
});
export type Presenting = z.infer<typeof Presenting>;

/** The presentation a presence state holds, if it is well formed. */
export function presentingOf(state: unknown): Presenting | null {
  if (typeof state !== 'object' || state === null) return null;
  return Presenting.safeParse((state as Record<string, unknown>)[presentingKey]).data ?? null;
}
