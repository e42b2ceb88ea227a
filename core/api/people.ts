import { z } from 'zod';
import { Email, Password, PersonName } from './common.ts';
import { PhoneInput } from './users.ts';

/**
 * A person's own account (README "People: self-service").
 *
 * Forgotten password:
 * - `POST /api/password-resets` `PasswordResetRequest` → 202 `{}` whatever the address
 *   (no one learns who has an account); when it is a person's, a link
 *   `<relay>/#/reset-password/<token>` goes to it by e-mail: single use, valid
 *   `passwordResetMinutes`. At most `passwordResetLimits.perAddress` requests per network
 *   address and `perEmail` per e-mail address an hour (429 with Retry-After).
 * - `GET /api/password-resets/:token` → `PasswordResetPreview` (404 unknown, 410
 *   `link_used` / `link_expired`).
 * - `POST /api/password-resets/:token` `PasswordResetConfirm` → 201 `{token, expiresAt}`:
 *   the new password is set, every session of the person ends (live connections too),
 *   every other reset link of theirs is spent, and a new session is opened.
 */
export const passwordResetMinutes = 60;
export const passwordResetLimits = { perAddress: 10, perEmail: 3, windowMs: 3_600_000 } as const;

export const PasswordResetRequest = z.strictObject({ email: Email });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

export const PasswordResetConfirm = z.strictObject({ password: Password });
export type PasswordResetConfirm = z.infer<typeof PasswordResetConfirm>;

export const PasswordResetPreview = z.object({ email: z.string(), expiresAt: z.string() });
export type PasswordResetPreview = z.infer<typeof PasswordResetPreview>;

/**
 * Profile (signed in, for oneself):
 * - `PATCH /api/me` `UpdateProfileRequest` → `Me` (name, language; null language: the organisation's;
 *   `namedPublicly`: the one consent to be named publicly — a participant's name beside their
 *   ideas and comments on public pages, anyone's in halls of fame; members' names never
 *   show on public pages whatever they say).
 * - `POST /api/me/email` `EmailChangeRequest` → 202 `{expiresAt}`: a link
 *   `<relay>/#/confirm-email/<token>` goes to the new address (valid `emailChangeHours`);
 *   the current password is needed. At most `profileLimits.emailChanges` a day, and public
 *   participants from one network address `emailChangesPerAddress` a day between them.
 * - `POST /api/email-changes/:token` (no session needed) → `{email}`: the address
 *   changes, the old address is told; 409 when someone took it meanwhile.
 * - `POST /api/me/phone` `PhoneChangeRequest`: `phone: null` removes the number → `Me`;
 *   a number → 202 `{expiresAt}` and a code by SMS to it (the person asked for it, so it
 *   goes without a recorded opt-in, never to a number that said STOP); at most
 *   `profileLimits.phoneCodes` codes an hour, and one number gets at most as many an hour
 *   whoever asks; public participants from one network address, `phoneCodesPerAddress` an
 *   hour between them (429 with Retry-After).
 * - `POST /api/me/phone/confirm` `PhoneConfirmRequest` → `Me`: the number is the
 *   person's; `smsOptIn` given with it is recorded as declared by the person. A code is
 *   tried at most `phoneCodeAttempts` times, valid `phoneCodeMinutes`.
 *
 * Sessions:
 * - `GET /api/me/sessions` → `{sessions: SessionInfo[]}` (those not ended, newest use first).
 * - `DELETE /api/me/sessions/:id` → 204: that session ends (its live connections too).
 * - `POST /api/me/sessions/revoke-others` → `{revoked}`: every session but this one ends.
 */
export const emailChangeHours = 24;
export const phoneCodeMinutes = 10;
export const phoneCodeAttempts = 5;
export const profileLimits = {
  emailChanges: 5,
  /** E-mail changes public participants from one network address ask a day between them (each sends a link to an address they name). */
  emailChangesPerAddress: 10,
  phoneCodes: 3,
  /** Codes public participants from one network address are sent an hour between them (strangers sign up many accounts; members, who may share an office's address, are not counted so). */
  phoneCodesPerAddress: 10,
} as const;

export const Language = z.enum(['fr', 'en']);
export type Language = z.infer<typeof Language>;

export const UpdateProfileRequest = z
  .strictObject({ name: PersonName.optional(), language: Language.nullable().optional(), namedPublicly: z.boolean().optional() })
  .refine((p) => p.name !== undefined || p.language !== undefined || p.namedPublicly !== undefined, { message: 'nothing to change' });
export type UpdateProfileRequest = z.infer<typeof UpdateProfileRequest>;

export const EmailChangeRequest = z.strictObject({ email: Email, password: z.string().min(1).max(200) });
export type EmailChangeRequest = z.infer<typeof EmailChangeRequest>;

export const PhoneChangeRequest = z
  .strictObject({ phone: PhoneInput.nullable(), smsOptIn: z.boolean().optional() })
  .refine((p) => !p.smsOptIn || p.phone !== null, { message: 'an SMS opt-in needs a phone number', path: ['smsOptIn'] });
export type PhoneChangeRequest = z.infer<typeof PhoneChangeRequest>;

export const PhoneConfirmRequest = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'the six digits received by SMS') });

export const PendingChange = z.object({ expiresAt: z.string() });

export const SessionInfo = z.object({
  id: z.string(),
  /** The browser or app that opened it (its user agent), when known. */
  device: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string().nullable(),
  expiresAt: z.string(),
  /** The session this request came with. */
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

/**
 * A person's data:
 * - `GET /api/me/export` → a JSON file (`PersonalExport`): what the relay holds about the
 *   caller. An administrator gets a person's with `GET /api/users/:id/export`. At most
 *   `exportsPerHour` an hour per person asking.
 * - `POST /api/users/:id/erase` (administrator, not oneself) → `{erased: true}`: the person
 *   is cut off at once and what identifies them is gone — name (now `formerMemberName`),
 *   e-mail, phone, password, language, sessions, links, group and activity memberships,
 *   SMS consent, the addresses and texts of the SMS and e-mails sent to them, and other
 *   organisations' invitations to their address with their e-mails (gone, as never sent). What they
 *   did stays, credited to the former member: ideas, decisions, ratings, votes. The
 *   activities' documents and their history follow in the background: their name,
 *   e-mail and phone are replaced there by the former member's name, live and in every
 *   stored update and snapshot (server/sync/SPEC.md E1–E4).
 * - `POST /api/me/erasure` `EraseMeRequest` (a public participant, for themself) →
 *   `{erased: true}`: the same erasure, once their password is judged like a sign-in
 *   (wrong: 401 `invalid_credentials`, nothing changed). Members are the organisation's:
 *   403, an administrator erases them.
 */
export const exportsPerHour = 5;
export const EraseMeRequest = z.strictObject({ password: z.string().min(1).max(200) });
export type EraseMeRequest = z.infer<typeof EraseMeRequest>;
export const formerMemberName = { fr: 'Ancien membre', en: 'Former member' } as const;
/** Rows of each kind an export holds at most (newest first). */
export const exportRowsMax = 5000;

export const PersonalExport = z.object({
  exportedAt: z.string(),
  person: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    role: z.string(),
    language: z.string().nullable(),
    guest: z.boolean(),
    createdAt: z.string(),
    organization: z.string(),
    /** Their one consent to be named publicly (`UpdateProfileRequest.namedPublicly`). */
    namedPublicly: z.boolean(),
  }),
  /** The public campaigns a participant joined. */
  campaigns: z.array(z.object({ slug: z.string(), title: z.string() })),
  sessions: z.array(z.object({ device: z.string().nullable(), createdAt: z.string(), lastSeenAt: z.string().nullable(), revokedAt: z.string().nullable() })),
  groups: z.array(z.string()),
  activities: z.array(z.object({ id: z.string(), title: z.string(), role: z.string() })),
  smsConsent: z.array(z.object({ phone: z.string(), action: z.string(), how: z.string(), at: z.string() })),
  smsReceived: z.array(z.object({ text: z.string(), kind: z.string(), status: z.string(), at: z.string() })),
  smsSent: z.array(z.object({ text: z.string(), at: z.string() })),
  emailsReceived: z.array(z.object({ subject: z.string(), kind: z.string(), status: z.string(), at: z.string() })),
  ideas: z.array(z.object({ id: z.string(), title: z.string(), text: z.string(), status: z.string(), createdAt: z.string() })),
  ideaVotes: z.array(z.object({ ideaId: z.string(), at: z.string() })),
  /** Comments they wrote on ideas (core/api/idea-comments.ts), newest first. */
  ideaComments: z.array(z.object({ ideaId: z.string(), text: z.string(), at: z.string() })),
  decisionRatings: z.array(z.object({ decisionId: z.string(), rating: z.number(), comment: z.string().nullable(), at: z.string() })),
  invitationsSent: z.array(z.object({ email: z.string(), createdAt: z.string(), acceptedAt: z.string().nullable() })),
});
export type PersonalExport = z.infer<typeof PersonalExport>;
