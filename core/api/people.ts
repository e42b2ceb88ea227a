import { z } from 'zod';
import { Email, Password } from './common.ts';

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
