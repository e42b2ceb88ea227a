import { ErrorCode } from '#core/api/errors';
import { Refusal } from '../errors.ts';
import type { Queries } from '../store/db.ts';

/** Its code alone (no field issue): the app words it in the person's language. */
const taken = (slug: string) => new Refusal(ErrorCode.slugTaken, `The public address "${slug}" is already taken by another idea box: choose another.`);

/**
 * Publishes an idea box at `slug`, or unpublishes it (`null`), inside the caller's
 * transaction (the facilitator was checked by the caller). A slug is the relay's, not
 * the organisation's: two boxes anywhere never share one (the unique index of migration
 * 800 holds it should two requests race).
 */
export async function setPublicSlug(tx: Queries, activityId: string, slug: string | null): Promise<void> {
  if (slug !== null && (await tx.get('SELECT 1 AS one FROM activities WHERE public_slug = ? AND id <> ?', [slug, activityId]))) throw taken(slug);
  try {
    await tx.run('UPDATE activities SET public_slug = ? WHERE id = ?', [slug, activityId]);
  } catch (err) {
    if (slug !== null && err instanceof Error && /UNIQUE/.test(err.message)) throw taken(slug);
    throw err;
  }
}
