import { z } from 'zod';
import { Email, Id, Password, PersonName } from './common.ts';
import { IdeaStatus } from './ideas.ts';

/**
 * Public idea campaigns (issue 18): an idea box published at a slug, read by anyone
 * without a token, joined by public participants.
 * - `PATCH /api/activities/:id` `{publicSlug}` publishes a box (`null` unpublishes it);
 *   `POST /api/activities` takes `publicSlug` too. Facilitators only; 409 `slug_taken`.
 * - `GET /api/public/idea-boxes/:slug?sort=votes|newest&offset=&limit=` → `PublicIdeaBox`
 *   (no token; 404 for an unknown or unpublished slug alike; cacheable).
 * - `GET /api/public/idea-boxes/:slug/ideas/:id/photo` → the idea's photo (no token);
 *   `…/comments?offset=&limit=` → `PublicCommentPage` (core/api/idea-comments.ts).
 * - `POST /api/public/idea-boxes/:slug/sign-up` `PublicSignupRequest` → 202 `{}` whatever
 *   the address, and an e-mail whose link ends with the token.
 * - `POST /api/public/sign-up/:token` → 201 `PublicSession`: the participant's session.
 * - `GET /api/public/me/campaigns` → `MyCampaigns`; `GET /api/public/idea-boxes/:slug/my-votes`
 *   → `MyPublicVotes` (a participant's or member's token): what they voted for, what they wrote.
 * - A participant proposes and votes through `POST /api/activities/:id/ideas` and
 *   `POST|DELETE /api/ideas/:id/votes` on published boxes of the organisation.
 * The page itself is served at `/ideas/:slug` (`publicPagePath`).
 */

/** Words a slug may not be: paths the relay or the client already use. */
export const reservedSlugs = ['api', 'assets', 'admin', 'new', 'healthz', 'sign-up', 'me'] as const;

export const PublicSlug = z
  .string({ error: 'a public address is a text such as si-j-etais-durand' })
  .min(3, 'a public address has at least 3 characters')
  .max(60, 'a public address has at most 60 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a public address uses lower-case letters, digits and single hyphens inside (e.g. si-j-etais-durand)')
  .refine((slug) => !(reservedSlugs as readonly string[]).includes(slug), 'this public address is reserved: choose another');
export type PublicSlug = z.infer<typeof PublicSlug>;

/** Where the relay serves a published box's page. */
export const publicPagePath = (slug: string) => `/ideas/${slug}`;
/** A participant's e-mail change link: back to a campaign's page, the token as its last path segment. */
export const publicEmailChangeLink = (base: string, slug: string, token: string) => `${base.replace(/\/+$/, '')}${publicPagePath(slug)}#/confirm-email/${token}`;
/** One idea on its box's public page (each idea is the page's element `idea-<id>`): where a participant reads about their idea. */
export const publicIdeaLink = (base: string, slug: string, ideaId: string) => `${base.replace(/\/+$/, '')}${publicPagePath(slug)}#idea-${ideaId}`;
/** The confirmation link of a public sign-up: the page, then the token as its last path segment. */
export const publicConfirmLink = (base: string, slug: string, token: string) => `${base.replace(/\/+$/, '')}${publicPagePath(slug)}#/confirm/${token}`;

export const publicSorts = ['votes', 'newest'] as const;
/** Ideas on one public page, and how deep anyone may page (a page past it is empty). */
export const publicPageSize = 30;
export const maxPublicOffset = 3000;

export const PublicIdeaQuery = z.strictObject({
  sort: z.enum(publicSorts).default('votes'),
  offset: z.coerce.number().int().min(0).max(maxPublicOffset).default(0),
  limit: z.coerce.number().int().min(1).max(50).default(publicPageSize),
});
export type PublicIdeaQuery = z.infer<typeof PublicIdeaQuery>;

export const PublicIdea = z.object({
  id: Id,
  title: z.string(),
  text: z.string(),
  category: z.string(),
  votes: z.number(),
  status: IdeaStatus,
  /** The organisation's latest answer (the reason given with the status), if any. */
  answer: z.string().nullable(),
  /** The author's name, only when they agreed to it being shown; never an e-mail or phone. */
  author: z.string().nullable(),
  photo: z.boolean(),
  /** Comments shown under it (`GET /api/public/idea-boxes/:slug/ideas/:id/comments`). */
  comments: z.number(),
  createdAt: z.string(),
});
export type PublicIdea = z.infer<typeof PublicIdea>;

export const PublicIdeaBox = z.object({
  slug: z.string(),
  /** The box's activity id, which the idea endpoints address. */
  boxId: Id,
  title: z.string(),
  question: z.string(),
  categories: z.array(z.string()),
  /** The organisation's language. */
  language: z.enum(['fr', 'en']),
  /** Whether the box takes ideas and votes (not decided or archived). */
  open: z.boolean(),
  ideas: z.array(PublicIdea),
  total: z.number(),
  next: z.number().nullable(),
});
export type PublicIdeaBox = z.infer<typeof PublicIdeaBox>;

export const PublicSignupRequest = z.strictObject({
  name: PersonName,
  email: Email,
  password: Password,
  /** Consent to the name being shown beside one's ideas on public pages. */
  showName: z.boolean().optional(),
  language: z.enum(['fr', 'en']).optional(),
  /** The honeypot: a field people never see. Filled, the sign-up is answered 202 and dropped. */
  website: z.string().max(500).optional(),
});
export type PublicSignupRequest = z.infer<typeof PublicSignupRequest>;

export const PublicSession = z.object({ token: z.string(), expiresAt: z.string() });
export type PublicSession = z.infer<typeof PublicSession>;

export const MyCampaigns = z.object({ campaigns: z.array(z.object({ slug: z.string(), title: z.string() })) });
export type MyCampaigns = z.infer<typeof MyCampaigns>;

/** The ideas of a box the caller voted for, and those they wrote (no vote for one's own). */
export const MyPublicVotes = z.object({ ideaIds: z.array(Id), mine: z.array(Id) });
export type MyPublicVotes = z.infer<typeof MyPublicVotes>;

/**
 * Bounds on what strangers may cause (README "Security and limits"): sign-ups per network
 * address an hour and per e-mail address a day, sign-ups pending per box and on the relay,
 * ideas per participant and per network address an hour (429 `rate_limited` past any,
 * nothing kept), and how long a sign-up link works.
 */
export const campaignLimits = {
  signupsPerAddressPerHour: 5,
  signupsPerEmailPerDay: 3,
  ideasPerParticipantPerHour: 5,
  ideasPerAddressPerHour: 20,
  confirmationHours: 48,
  /**
   * Sign-ups waiting for their link to be opened, per box and on the whole relay, and as
   * many campaign e-mails in the links' lifetime (a botnet spread over many addresses
   * fills neither the store nor the mail queue); the relay's own may be set lower
   * (CONCLAVE_PENDING_SIGNUPS_PER_BOX, CONCLAVE_PENDING_SIGNUPS).
   */
  pendingSignupsPerBox: 2000,
  pendingSignupsOnRelay: 20_000,
} as const;
