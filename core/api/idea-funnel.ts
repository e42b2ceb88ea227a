import { z } from 'zod';
import { lineText, linesText } from '../text/clean.ts';
import { badgeIds, maxRewardLength } from '../ideas/recognition.ts';
import { ideaStages, maxStageNameLength } from '../ideas/stages.ts';
import { moderationDecisions, reportReasons } from '../ideas/moderation.ts';
import { Id } from './common.ts';
import { CommentQueues } from './idea-comments.ts';
import { Idea, Reason } from './ideas.ts';

/**
 * The organisation's side of an idea box: moderation queues, stages, merging, studying
 * an idea in an activity, recognition and rewards.
 *
 * - `PATCH /api/activities/:id/idea-settings` `IdeaBoxSettings` → `IdeaBoxSettings` (facilitators)
 * - `GET /api/activities/:id/idea-queues` → `IdeaQueues` (facilitators)
 * - `POST /api/ideas/:id/moderation` `ModerateIdeaRequest` (facilitators)
 * - `POST|DELETE /api/ideas/:id/shortlist` (facilitators)
 * - `POST /api/ideas/:id/reports` `ReportIdeaRequest` (anyone who reads it); `DELETE` dismisses (facilitators)
 * - `POST /api/ideas/:id/merge` `MergeIdeaRequest` (facilitators)
 * - `POST /api/ideas/:id/study` → `{activityId}` (facilitators)
 * - `POST /api/ideas/:id/reward` `RewardRequest` (facilitators; implemented ideas, once)
 * - `GET /api/activities/:id/recognition` → `Recognition`
 * - `GET|PUT /api/me/idea-credit` `{credit}`: the person's name in halls of fame
 */
export const StageNamesSchema = z.partialRecord(z.enum(ideaStages), lineText().max(maxStageNameLength, `a stage name has at most ${maxStageNameLength} characters`));

export const IdeaBoxSettings = z.strictObject({
  /** Ideas appear to others once a facilitator approved them. */
  premoderation: z.boolean(),
  /** The box's own names for the stages; a stage left out keeps its default name. */
  stageNames: StageNamesSchema,
});
export type IdeaBoxSettings = z.infer<typeof IdeaBoxSettings>;
export const IdeaBoxSettingsPatch = IdeaBoxSettings.partial();

export const ModerateIdeaRequest = z.strictObject({
  decision: z.enum(moderationDecisions),
  /** Told to the author when their idea is moved off topic (required then). */
  reason: Reason.optional(),
});
export type ModerateIdeaRequest = z.infer<typeof ModerateIdeaRequest>;

export const ReportIdeaRequest = z.strictObject({
  reason: z.enum(reportReasons),
  note: linesText().max(300, 'a note has at most 300 characters').optional(),
});
export type ReportIdeaRequest = z.infer<typeof ReportIdeaRequest>;

export const MergeIdeaRequest = z.strictObject({ into: Id });
export type MergeIdeaRequest = z.infer<typeof MergeIdeaRequest>;

export const RewardRequest = z.strictObject({
  text: linesText({ error: 'say what the reward is' })
    .min(1, 'say what the reward is')
    .refine((t) => [...t].length <= maxRewardLength, `a reward has at most ${maxRewardLength} characters`),
});
export type RewardRequest = z.infer<typeof RewardRequest>;

export const IdeaCreditRequest = z.strictObject({ credit: z.boolean() });

export const ReportedIdea = Idea.extend({
  /** The reports waiting, oldest first. */
  reportDetails: z.array(z.object({ reason: z.enum(reportReasons), note: z.string().nullable(), at: z.string() })),
});
export type ReportedIdea = z.infer<typeof ReportedIdea>;

export const IdeaQueues = z.object({
  inbound: z.array(Idea),
  offTopic: z.array(Idea),
  reported: z.array(ReportedIdea),
  topVoted: z.array(Idea),
  /** Comments waiting for approval, and those reported (core/api/idea-comments.ts). */
  comments: CommentQueues,
});
export type IdeaQueues = z.infer<typeof IdeaQueues>;

export const RecognisedAuthor = z.object({
  id: Id,
  name: z.string(),
  ideas: z.number(),
  accepted: z.number(),
  implemented: z.number(),
  votes: z.number(),
  points: z.number(),
  badges: z.array(z.enum(badgeIds)),
});
export type RecognisedAuthor = z.infer<typeof RecognisedAuthor>;

export const HallOfFameEntry = z.object({
  ideaId: Id,
  title: z.string(),
  /** The author's name only if they agreed to be named; null otherwise. */
  author: z.string().nullable(),
  implementedAt: z.string().nullable(),
  votes: z.number(),
});
export type HallOfFameEntry = z.infer<typeof HallOfFameEntry>;

export const Recognition = z.object({
  authors: z.array(RecognisedAuthor),
  hallOfFame: z.array(HallOfFameEntry),
});
export type Recognition = z.infer<typeof Recognition>;
