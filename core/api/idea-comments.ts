import { z } from 'zod';
import { linesText } from '../text/clean.ts';
import { Id } from './common.ts';
import { Reason } from './ideas.ts';

/**
 * Comments on ideas (issue 18: public participants "propose, vote and comment"), in the
 * app and on a published box's page.
 *
 * - `GET /api/ideas/:id/comments?offset=&limit=` → `IdeaCommentPage`, oldest first: those
 *   anyone reading the idea sees, and the caller's own (and, for facilitators, every one)
 *   still waiting for approval or hidden.
 * - `POST /api/ideas/:id/comments` `PostCommentRequest` → 201 `IdeaComment` (contributors and
 *   facilitators of the box, public participants of a published one; viewers 403; a closed
 *   box, a merged idea, or an idea not shown to all 409). Waits for approval (`pending`)
 *   when the box has pre-moderation, unless a facilitator wrote it.
 * - `POST /api/idea-comments/:id/reports` `ReportIdeaRequest` (anyone who reads it, not its
 *   author; once; the same daily count as ideas' reports); `DELETE` dismisses (facilitators).
 * - `POST /api/idea-comments/:id/hidden` `{reason}` (facilitators): its author reads why;
 *   `DELETE` shows it again. `POST /api/idea-comments/:id/moderation` `{decision: "approve"}`.
 * - `GET /api/activities/:id/my-comments` → `{comments: IdeaComment[], shown: string[]}`: the
 *   caller's own comments on the box not everyone sees (waiting, or hidden with the reason),
 *   newest first, at most 50; and the ids of their comments everyone sees (at most 500).
 * - `GET /api/public/idea-boxes/:slug/ideas/:id/comments` → `PublicCommentPage` (no token).
 */
export const commentLimits = {
  /** Characters in one comment. */
  maxLength: 1000,
  /** Comments one account writes in an hour (members and participants alike). */
  perAccountPerHour: 20,
  /** Comments public participants write from one network address in an hour. */
  perAddressPerHour: 60,
  /** Comments one idea holds: past it, 409 (the discussion has run its course). */
  perIdea: 500,
  /** Comments listed at once. */
  pageSize: 50,
  maxPageSize: 100,
  maxOffset: 5000,
} as const;

export const CommentText = linesText({ error: 'a comment is a text' })
  .min(1, 'write a comment')
  .refine((t) => [...t].length <= commentLimits.maxLength, `a comment has at most ${commentLimits.maxLength} characters`);

export const PostCommentRequest = z.strictObject({ text: CommentText });
export type PostCommentRequest = z.infer<typeof PostCommentRequest>;

export const HideCommentRequest = z.strictObject({
  reason: Reason.min(1, 'say why the comment is hidden: its author will read the reason'),
});

export const ModerateCommentRequest = z.strictObject({ decision: z.literal('approve') });

export const CommentListQuery = z.strictObject({
  offset: z.coerce.number().int().min(0).max(commentLimits.maxOffset).default(0),
  limit: z.coerce.number().int().min(1).max(commentLimits.maxPageSize).default(commentLimits.pageSize),
});
export type CommentListQuery = z.infer<typeof CommentListQuery>;

export const commentModerations = ['pending', 'approved'] as const;

export const IdeaComment = z.object({
  id: Id,
  ideaId: Id,
  /**
   * For a public participant, another's comment names its author as the public page does:
   * a participant who agreed to be named, else an empty name and the comment's id (never a
   * member's name, never a person's id). Members read every name and id.
   */
  author: z.object({ id: Id, name: z.string() }),
  text: z.string(),
  createdAt: z.string(),
  /** `pending`: waits for a facilitator's approval; only its author and the facilitators see it. */
  moderation: z.enum(commentModerations),
  /** Hidden by a facilitator: only its author and the facilitators see it, with the reason. */
  hidden: z.object({ reason: z.string(), at: z.string() }).nullable(),
  /** Reports waiting (counted for facilitators only; 0 for others). */
  reports: z.number(),
  mine: z.boolean(),
});
export type IdeaComment = z.infer<typeof IdeaComment>;

export const IdeaCommentPage = z.object({
  comments: z.array(IdeaComment),
  total: z.number(),
  next: z.number().nullable(),
});
export type IdeaCommentPage = z.infer<typeof IdeaCommentPage>;

/** A comment in a facilitator's queue: the idea it is about, and its reports. */
export const QueuedComment = IdeaComment.extend({
  ideaTitle: z.string(),
  reportDetails: z.array(z.object({ reason: z.string(), note: z.string().nullable(), at: z.string() })),
});
export type QueuedComment = z.infer<typeof QueuedComment>;

export const CommentQueues = z.object({
  /** Waiting for approval, oldest first. */
  pending: z.array(QueuedComment),
  /** With reports waiting, most reported first. */
  reported: z.array(QueuedComment),
});
export type CommentQueues = z.infer<typeof CommentQueues>;

export const PublicComment = z.object({
  id: Id,
  text: z.string(),
  /** A participant's name, only when they agreed to it being shown; never a member's. */
  author: z.string().nullable(),
  /** Written by someone of the organisation (shown as the organisation's answer). */
  team: z.boolean(),
  createdAt: z.string(),
});
export type PublicComment = z.infer<typeof PublicComment>;

export const PublicCommentPage = z.object({
  comments: z.array(PublicComment),
  total: z.number(),
  next: z.number().nullable(),
});
export type PublicCommentPage = z.infer<typeof PublicCommentPage>;
