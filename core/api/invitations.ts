import { z } from 'zod';
import { ActivityRole } from './activities.ts';
import { Email, Id, Password, PersonName } from './common.ts';
import { OrgRole, PhoneInput } from './users.ts';

/**
 * Invitations (README "People: invitations and guests").
 *
 * - `POST /api/invitations` `CreateInvitationRequest` → 201 `InvitationSent`; or, to an
 *   activity, for a person of the organisation who already has an account, 200
 *   `MemberAddedInstead` (added as a member, told in their bell; no link).
 *   Without `activityId`: administrators only, to the organisation with `role`.
 *   With `activityId`: a facilitator of that activity (or an administrator); an
 *   address outside the organisation's domains makes a guest, who sees that activity only.
 *   The e-mail's link ends with the token: `<relay>/#/invite/<token>`.
 *   An address with an account in another organisation is invited like any other (201,
 *   the same answer): the inviter learns nothing of other organisations; its acceptance
 *   answers 409 `address_taken` to the link's holder, who is told what to do. Each
 *   inviter sends at most 200 invitation e-mails a day and each address receives at most
 *   3 (creations and resends; 429 `rate_limited` with Retry-After, nothing changed).
 * - `GET /api/invitations?status=pending|all` → `{invitations: Invitation[]}`: an
 *   administrator sees the organisation's, a facilitator those they sent.
 * - `DELETE /api/invitations/:id` → 204, revoked (the link answers 410 `link_revoked`).
 * - `POST /api/invitations/:id/resend` → `Invitation`: a new link (the old one is dead), a new expiry.
 * - `GET /api/invitations/:token/preview` (no session) → `InvitationPreview`.
 * - `POST /api/invitations/:token/accept` (no session) `AcceptInvitationRequest` →
 *   201 `{token, expiresAt}` (a session). Address already an account's 409 `address_taken`; expired 410 `link_expired`, used 410
 *   `link_used`, revoked 410 `link_revoked`, unknown 404.
 */
export const CreateInvitationRequest = z
  .strictObject({
    email: Email,
    name: PersonName.optional(),
    role: OrgRole.optional(),
    activityId: Id.optional(),
    activityRole: ActivityRole.optional(),
    /** Also send the link by SMS (only to a number that agreed to SMS). */
    phone: PhoneInput.optional(),
    language: z.enum(['fr', 'en']).optional(),
  })
  .refine((i) => i.activityRole === undefined || i.activityId !== undefined, {
    message: 'activityRole needs an activityId',
    path: ['activityRole'],
  });
export type CreateInvitationRequest = z.infer<typeof CreateInvitationRequest>;

export const InvitationSent = z.object({
  id: Id,
  guest: z.boolean(),
  expiresAt: z.string(),
  /** What became of the SMS copy: null when none was asked. */
  sms: z.object({ sent: z.boolean(), reason: z.string().nullable() }).nullable(),
});

/**
 * Inviting to an activity a colleague who already has an account in the organisation: no
 * link is needed, the person is added as a member (200) and hears of it as anyone added does.
 */
export const MemberAddedInstead = z.object({ added: z.literal(true), userId: Id, name: z.string() });

export const CreateInvitationResponse = z.union([InvitationSent, MemberAddedInstead]);

export const InvitationStatus = z.enum(['pending', 'accepted', 'expired', 'revoked']);

export const Invitation = z.object({
  id: Id,
  email: z.string(),
  name: z.string().nullable(),
  role: OrgRole,
  activityId: Id.nullable(),
  activityTitle: z.string().nullable(),
  activityRole: ActivityRole.nullable(),
  guest: z.boolean(),
  invitedBy: z.object({ id: Id, name: z.string() }),
  status: InvitationStatus,
  createdAt: z.string(),
  expiresAt: z.string(),
  lastSentAt: z.string(),
  sentCount: z.number(),
  acceptedAt: z.string().nullable(),
  acceptedUserId: Id.nullable(),
});
export type Invitation = z.infer<typeof Invitation>;

export const InvitationPreview = z.object({
  email: z.string(),
  name: z.string().nullable(),
  organization: z.string(),
  activityTitle: z.string().nullable(),
  inviterName: z.string(),
  guest: z.boolean(),
  expiresAt: z.string(),
});

export const AcceptInvitationRequest = z
  .strictObject({
    name: PersonName,
    password: Password,
    phone: PhoneInput.optional(),
    /** The person agrees to receive SMS: recorded as declared by them, at acceptance. */
    smsOptIn: z.boolean().optional(),
    language: z.enum(['fr', 'en']).optional(),
  })
  .refine((a) => !a.smsOptIn || a.phone !== undefined, { message: 'an SMS opt-in needs a phone number', path: ['smsOptIn'] });
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequest>;

export const ListInvitationsQuery = z.strictObject({ status: z.enum(['pending', 'all']).default('pending') });
