import { z } from 'zod';
import { IsoDateTime } from './common.ts';

/**
 * Walking an activity's past: the document as it was at a moment, and restoring all or
 * part of it. Served by `server/history/`, read by the History tab.
 */
export const DocumentAtQuery = z.strictObject({ at: IsoDateTime });
export type DocumentAtQuery = z.infer<typeof DocumentAtQuery>;

/** A board entry (an item, an option) as stored: its fields, keyed as in the document. */
export const BoardEntry = z.looseObject({ id: z.string() });
export type BoardEntry = z.infer<typeof BoardEntry>;

export const BoardAt = z.object({
  id: z.string(),
  kind: z.string(),
  items: z.array(BoardEntry),
  options: z.array(BoardEntry),
});
export type BoardAt = z.infer<typeof BoardAt>;

export const CommentVersionAt = z.looseObject({ text: z.string().optional(), at: z.string().optional(), by: z.string().optional() });
export const CommentAt = z.looseObject({
  id: z.string(),
  authorId: z.string().optional(),
  authorName: z.string().optional(),
  createdAt: z.string().optional(),
  parentId: z.string().nullable().optional(),
  versions: z.array(CommentVersionAt),
});
export type CommentAt = z.infer<typeof CommentAt>;

/** What a document held: its boards with their entries, its comments with their versions, its brief as text. */
export const DocumentContent = z.object({
  boards: z.array(BoardAt),
  comments: z.array(CommentAt),
  brief: z.string(),
});
export type DocumentContent = z.infer<typeof DocumentContent>;

export const DocumentAt = DocumentContent.extend({
  /** The moment asked for. */
  at: IsoDateTime,
  /** When the last change shown was made (null: nothing had been written yet). */
  asOf: IsoDateTime.nullable(),
  /**
   * False when the log around that moment was folded into a snapshot (older than
   * `CONCLAVE_LOG_KEEP_HOURS`): the content is the nearest earlier snapshot, at `asOf`.
   */
  exact: z.boolean(),
  /**
   * For a contributor: the board entries and comments shown that they removed since, and
   * that are still gone, which they may restore (SPEC H4). Absent for others. Null when it
   * could not be worked out now (too much logged since that moment to replay within the
   * history's budget, or the history busy, SPEC H5): nothing is offered from it.
   */
  yours: z.array(z.string()).nullable().optional(),
});
export type DocumentAt = z.infer<typeof DocumentAt>;

/**
 * What a restore brings back: `brief`, `methods/<board>`, `methods/<board>/<part>/<entry>`
 * (an item or an option of a board), `comments/<comment>`; absent for everything.
 */
export const RestorePath = z
  .string()
  .max(300)
  .regex(/^(brief|comments\/[A-Za-z0-9_-]{1,64}|methods\/[A-Za-z0-9_-]{1,64}(\/(items|options)\/[A-Za-z0-9_-]{1,64})?)$/, 'not a restorable path');
export type RestorePath = z.infer<typeof RestorePath>;

export const RestoreRequest = z.strictObject({ at: IsoDateTime, path: RestorePath.optional() });
export type RestoreRequest = z.infer<typeof RestoreRequest>;

export const RestoreResult = z.object({
  /** False when the live document already matched that moment: nothing was written. */
  changed: z.boolean(),
  /** The history entry the restore was logged as (null when nothing changed). */
  updateId: z.number().nullable(),
});
export type RestoreResult = z.infer<typeof RestoreResult>;
