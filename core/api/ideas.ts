import { z } from 'zod';
import { lineText, linesText } from '../text/clean.ts';
import { ideaSorts } from '../ideas/sort.ts';
import { ideaStatuses, maxReasonLength } from '../ideas/status.ts';
import { ideaStages, maxStageNameLength } from '../ideas/stages.ts';
import { moderationStates } from '../ideas/moderation.ts';
import { Id } from './common.ts';

/**
 * The idea box (an activity of kind `ideas`): requests and views of
 * `POST /api/activities/:id/ideas` (JSON, or multipart/form-data with a `photo`),
 * `GET /api/activities/:id/ideas`, `POST|DELETE /api/ideas/:id/votes`,
 * `POST /api/ideas/:id/status`, `POST|DELETE /api/ideas/:id/hidden`,
 * `GET /api/ideas/:id/photo`, the similar titles, the contributors and the notices
 * that tell authors what became of their ideas.
 */
export const IdeaStatus = z.enum(ideaStatuses);
export type IdeaStatus = z.infer<typeof IdeaStatus>;

export const maxIdeaTextLength = 1000;
export const photoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const PhotoType = z.enum(photoTypes);
export type PhotoType = z.infer<typeof PhotoType>;

export const Category = lineText().min(1, 'a category cannot be empty').max(60, 'a category has at most 60 characters');

/** The facilitator's categories: 1 to 20, each named once. */
export const Categories = z
  .array(Category, { error: 'categories: a list of category names is required' })
  .min(1, 'an idea box needs at least one category')
  .max(20, 'at most 20 categories')
  .refine((list) => new Set(list.map((c) => c.toLocaleLowerCase())).size === list.length, 'each category must have a different name');

export const IdeaTitle = lineText({ error: 'a title is required' })
  .min(3, 'a title needs at least 3 characters')
  .max(120, 'a title has at most 120 characters');

export const IdeaText = linesText({ error: 'a text is required' })
  .min(1, 'say what you would do')
  .refine((t) => [...t].length <= maxIdeaTextLength, `the text has at most ${maxIdeaTextLength} characters`);

export const CreateIdeaRequest = z.strictObject({
  title: IdeaTitle,
  text: IdeaText,
  category: lineText({ error: 'choose a category' }).min(1, 'choose a category'),
});
export type CreateIdeaRequest = z.infer<typeof CreateIdeaRequest>;

export const Reason = linesText().max(maxReasonLength, `a reason has at most ${maxReasonLength} characters`);

export const ChangeIdeaStatusRequest = z.strictObject({
  status: IdeaStatus,
  reason: Reason.optional(),
});
export type ChangeIdeaStatusRequest = z.infer<typeof ChangeIdeaStatusRequest>;

export const HideIdeaRequest = z.strictObject({
  reason: Reason.min(1, 'say why the idea is hidden: its author will read the reason'),
});

export const IdeaListQuery = z.strictObject({
  sort: z.enum(ideaSorts).default('votes'),
  category: z.string().max(60).optional(),
  status: IdeaStatus.optional(),
  stage: z.enum(ideaStages).optional(),
  author: Id.optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type IdeaListQuery = z.input<typeof IdeaListQuery>;

export const SimilarQuery = z.strictObject({ title: z.string().max(200) });

export const Idea = z.object({
  id: Id,
  activityId: Id,
  title: z.string(),
  text: z.string(),
  category: z.string(),
  author: z.object({ id: Id, name: z.string() }),
  createdAt: z.string(),
  votes: z.number(),
  myVote: z.boolean(),
  status: IdeaStatus,
  /** The reason given with the latest status change, if any. */
  reason: z.string().nullable(),
  statusChangedAt: z.string().nullable(),
  photo: z.object({ type: PhotoType, bytes: z.number() }).nullable(),
  /** Hidden by a facilitator: only the author and facilitators see it, with the reason. */
  hidden: z.object({ reason: z.string(), at: z.string() }).nullable(),
  /** Where it stands in the box's funnel (core/ideas/stages.ts). */
  stage: z.enum(ideaStages),
  /** Pending (pre-moderation) and off-topic ideas are seen by their author and the facilitators only. */
  moderation: z.enum(moderationStates),
  /** Why it was moved off topic, told to its author. */
  offTopicReason: z.string().nullable(),
  /** The idea this duplicate was merged into. */
  mergedInto: z.object({ id: Id, title: z.string() }).nullable(),
  /** The activity studying it ("Study this idea"), when it is studied. */
  studyActivityId: Id.nullable(),
  /** Reports waiting for a facilitator (counted for facilitators only; 0 for others). */
  reports: z.number(),
  /** A reward the organisation attached once it was implemented (seen by its author and facilitators). */
  reward: z.object({ text: z.string(), at: z.string() }).nullable(),
});
export type Idea = z.infer<typeof Idea>;

export const IdeaPage = z.object({
  ideas: z.array(Idea),
  /** Ideas matching the filter (all pages). */
  total: z.number(),
  /** The offset of the next page, or null on the last. */
  next: z.number().nullable(),
  categories: z.array(z.string()),
  /** The box's moderation and the names it gives its stages (core/api/idea-funnel.ts). */
  premoderation: z.boolean(),
  stageNames: z.partialRecord(z.enum(ideaStages), z.string().max(maxStageNameLength)),
});
export type IdeaPage = z.infer<typeof IdeaPage>;

export const StatusChange = z.object({
  status: IdeaStatus,
  reason: z.string().nullable(),
  by: z.string(),
  at: z.string(),
});
export const IdeaDetail = Idea.extend({ history: z.array(StatusChange) });
export type IdeaDetail = z.infer<typeof IdeaDetail>;

export const VoteResult = z.object({ votes: z.number(), myVote: z.boolean() });
export type VoteResult = z.infer<typeof VoteResult>;

export const SimilarIdea = z.object({ id: Id, title: z.string(), votes: z.number(), status: IdeaStatus, score: z.number() });
export type SimilarIdea = z.infer<typeof SimilarIdea>;

export const Contributor = z.object({
  id: Id,
  name: z.string(),
  ideas: z.number(),
  votes: z.number(),
  accepted: z.number(),
  implemented: z.number(),
  declined: z.number(),
});
export type Contributor = z.infer<typeof Contributor>;

/** What an author is told of their idea in the app (and by e-mail or SMS as they chose). */
export const ideaNoticeKinds = ['status', 'hidden', 'shown', 'approved', 'off_topic', 'merged', 'reward'] as const;
export type IdeaNoticeKind = (typeof ideaNoticeKinds)[number];

export const IdeaNotice = z.object({
  id: z.number(),
  ideaId: Id,
  activityId: Id,
  ideaTitle: z.string(),
  kind: z.enum(ideaNoticeKinds),
  status: IdeaStatus.nullable(),
  reason: z.string().nullable(),
  /** For `merged`: the other idea (the one kept, or the duplicate merged into yours). */
  otherIdea: z.object({ id: Id, title: z.string() }).nullable(),
  /** A notice about one of the person's comments on the idea (hidden, shown again, approved): its first 200 characters. */
  comment: z.object({ id: Id, text: z.string() }).nullable(),
  at: z.string(),
  readAt: z.string().nullable(),
});
export type IdeaNotice = z.infer<typeof IdeaNotice>;

export const PhotoStorage = z.object({ usedBytes: z.number(), quotaBytes: z.number(), maxPhotoBytes: z.number() });
export type PhotoStorage = z.infer<typeof PhotoStorage>;
