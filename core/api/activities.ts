import { z } from 'zod';
import { lineText, linesText } from '../text/clean.ts';
import { Id, IsoDateTime } from './common.ts';
import { PublicSlug } from './campaigns.ts';
import { Categories } from './ideas.ts';
import { TemplateRef } from './templates.ts';

export const ActivityStatus = z.enum(['draft', 'open', 'deciding', 'decided', 'archived']);
export type ActivityStatus = z.infer<typeof ActivityStatus>;

export const ActivityRole = z.enum(['facilitator', 'contributor', 'viewer']);
export type ActivityRole = z.infer<typeof ActivityRole>;

/** Roles ordered by what they allow: a higher rank may do all a lower one may. */
export const roleRank: Record<ActivityRole, number> = { viewer: 0, contributor: 1, facilitator: 2 };

export const Title = lineText().min(1, 'a title is required').max(200);
export const Question = lineText()
  .min(10, 'a precise question needs at least 10 characters')
  .max(500);

/** What an activity is: a board (SWOT, polls…) or an idea box (core/api/ideas.ts). */
export const ActivityKind = z.enum(['board', 'ideas']);
export type ActivityKind = z.infer<typeof ActivityKind>;

export const CreateActivityRequest = z
  .strictObject({
    title: Title,
    question: Question,
    description: linesText().max(20_000).optional(),
    deadline: IsoDateTime.optional(),
    kind: ActivityKind.optional(),
    /** An idea box's categories (required for `kind: "ideas"`, refused otherwise). */
    categories: Categories.optional(),
    /** A built-in template (`"meeting"`, `"decision"`…) or the id of one the organisation saved (core/api/templates.ts). */
    template: TemplateRef.optional(),
    /** Publishes the idea box at this slug (core/api/campaigns.ts); idea boxes only. */
    publicSlug: PublicSlug.optional(),
  })
  .superRefine((input, check) => {
    if (input.kind === 'ideas' && input.template !== undefined) {
      check.addIssue({ code: 'custom', path: ['template'], message: 'an idea box takes no template' });
    }
    if (input.kind !== 'ideas' && input.publicSlug !== undefined) {
      check.addIssue({ code: 'custom', path: ['publicSlug'], message: 'only an idea box (kind "ideas") is published at a public address' });
    }
    if (input.kind === 'ideas' && input.categories === undefined) {
      check.addIssue({ code: 'custom', path: ['categories'], message: 'an idea box needs its categories' });
    }
    if (input.kind !== 'ideas' && input.categories !== undefined) {
      check.addIssue({ code: 'custom', path: ['categories'], message: 'only an idea box (kind "ideas") has categories' });
    }
  });
export type CreateActivityRequest = z.infer<typeof CreateActivityRequest>;

export const UpdateActivityRequest = z.strictObject({
  title: Title.optional(),
  question: Question.optional(),
  description: linesText().max(20_000).optional(),
  deadline: IsoDateTime.nullable().optional(),
  status: ActivityStatus.optional(),
  /** An idea box's public address (core/api/campaigns.ts); null unpublishes it. */
  publicSlug: PublicSlug.nullable().optional(),
});
export type UpdateActivityRequest = z.infer<typeof UpdateActivityRequest>;

export const AddMemberRequest = z.union([
  z.strictObject({ userId: Id, role: ActivityRole }),
  z.strictObject({ groupId: Id, role: ActivityRole }),
]);
export type AddMemberRequest = z.infer<typeof AddMemberRequest>;

export const ChangeRoleRequest = z.strictObject({ role: ActivityRole });

export const ActivityMember = z.object({
  kind: z.enum(['user', 'group']),
  id: Id,
  name: z.string(),
  role: ActivityRole,
  /** A person from outside the organisation, invited to this activity only. */
  guest: z.boolean(),
});
export type ActivityMember = z.infer<typeof ActivityMember>;

/**
 * A person taking part in an activity, with the role that counts (`GET
 * /api/activities/:id/people`) and where it comes from: given directly, or through a group.
 * A direct role wins over the groups' roles (README, "Roles in an activity"); when a
 * group would give more, `overridden` says which and what.
 */
export const ActivityPerson = z.object({
  userId: Id,
  name: z.string(),
  guest: z.boolean(),
  role: ActivityRole,
  via: z.enum(['direct', 'group']),
  group: z.object({ id: Id, name: z.string() }).nullable(),
  overridden: z.object({ groupName: z.string(), role: ActivityRole }).nullable(),
});
export type ActivityPerson = z.infer<typeof ActivityPerson>;

export const Activity = z.object({
  id: Id,
  title: z.string(),
  question: z.string(),
  description: z.string(),
  status: ActivityStatus,
  facilitatorId: Id,
  deadline: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  kind: ActivityKind,
  /** An idea box's categories; empty for a board. */
  categories: z.array(z.string()),
  /** Where an idea box is published (`/ideas/<slug>`), or null. */
  publicSlug: z.string().nullable(),
  /** The caller's effective role in this activity. */
  myRole: ActivityRole,
  /** When it was last decided or archived (retention counts from here); null while open. */
  closedAt: z.string().nullable(),
  /** Set once its plan's retention removed its content: when, and under which plan (its name). */
  contentRemoved: z.object({ at: z.string(), plan: z.string() }).nullable(),
});
export type Activity = z.infer<typeof Activity>;

export const ActivityListQuery = z.strictObject({
  status: ActivityStatus.optional(),
  q: z.string().max(200).optional(),
});

/** `now`: the relay's time as it answered (ms since the epoch), for the timers everyone must agree on (core/sync/relay-clock.ts). */
export const SyncTicket = z.object({ url: z.string(), room: z.string(), ticket: z.string(), now: z.number().optional() });
export type SyncTicket = z.infer<typeof SyncTicket>;

/**
 * One entry of an activity's history, read from the relay's update log: a run of
 * updates by one person with no pause over five minutes. `summary` names what changed,
 * as paths into the document (`brief`, `comments`, `methods/<method id>`).
 */
export const HistoryEntry = z.object({
  id: z.number(),
  userId: Id,
  userName: z.string(),
  since: z.string(),
  at: z.string(),
  updates: z.number(),
  bytes: z.number(),
  summary: z.array(z.string()),
});

export const HistoryQuery = z.strictObject({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const HistoryPage = z.object({ entries: z.array(HistoryEntry), next: z.number().nullable() });
export type HistoryPage = z.infer<typeof HistoryPage>;
export type HistoryEntry = z.infer<typeof HistoryEntry>;
