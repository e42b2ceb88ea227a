/**
 * Links the relay sends by e-mail. The client is addressed by the URL's hash, and every
 * link ends with its token (its last path segment), so a client or a test reads it alike.
 */
const trim = (base: string) => base.replace(/\/+$/, '');

export const invitationLink = (base: string, token: string) => `${trim(base)}/#/invite/${token}`;
export const passwordResetLink = (base: string, token: string) => `${trim(base)}/#/reset-password/${token}`;
export const activityLink = (base: string, activityId: string) => `${trim(base)}/#/activities/${activityId}`;
/** An idea in its box (the app's route `#/ideas/<box>/idea/<idea>`). */
export const ideaLink = (base: string, boxId: string, ideaId: string) => `${trim(base)}/#/ideas/${boxId}/idea/${ideaId}`;
export const signupConfirmLink = (base: string, token: string) => `${trim(base)}/#/confirm-signup/${token}`;
export const emailChangeLink = (base: string, token: string) => `${trim(base)}/#/confirm-email/${token}`;

/** Whether a string has the shape of a link's token (checked before any lookup). */
export const isLinkToken = (token: string) => /^[A-Za-z0-9_-]{20,200}$/.test(token);

/** The token a link ends with (its last path segment), or null. */
export function tokenOfLink(link: string): string | null {
  const last = link.split(/[/=]/).pop() ?? '';
  return isLinkToken(last) ? last : null;
}
