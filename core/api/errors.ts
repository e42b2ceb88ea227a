/**
 * Error codes returned by the relay's HTTP API as `{"error": {"code", "message"}}`.
 * One list, shared by the server (which sends them) and the clients (which branch on them).
 */
export const ErrorCode = {
  badRequest: 'bad_request',
  invalidJson: 'invalid_json',
  validation: 'validation_failed',
  payloadTooLarge: 'payload_too_large',
  unsupportedMediaType: 'unsupported_media_type',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  notFound: 'not_found',
  methodNotAllowed: 'method_not_allowed',
  conflict: 'conflict',
  alreadySetUp: 'already_set_up',
  invalidCredentials: 'invalid_credentials',
  rateLimited: 'rate_limited',
  /** The relay is at capacity for this kind of work (e.g. password hashing): retry shortly. */
  busy: 'busy',
  internal: 'internal_error',
  /** SMS: no opt-in, STOP received, no or invalid number, empty text. */
  smsRefused: 'sms_refused',
  /** SMS: the text needs more than ten SMS (core/sms/compose.ts `maxParts`). */
  smsTooLong: 'sms_too_long',
  /** SMS: the organisation's monthly budget would be exceeded. */
  overBudget: 'over_budget',
  /** A person's stored files (idea photos) would exceed their storage quota. */
  quotaExceeded: 'quota_exceeded',
  /** The relay's disk is nearly full: writes are refused until space is freed. */
  diskFull: 'disk_full',
  /** A link sent by e-mail (invitation, password reset) is past its expiry. */
  linkExpired: 'link_expired',
  /** A single-use link was already used. */
  linkUsed: 'link_used',
  /** The activity's content was removed by its plan's retention: only its title, question and decision stay. */
  contentRemoved: 'content_removed',
  /** An invitation the inviter revoked (or replaced by a newer link). */
  linkRevoked: 'link_revoked',
  /** The account was disabled by an administrator. */
  accountDisabled: 'account_disabled',
  /** Organisations may not sign up on this relay (CONCLAVE_SIGNUP is not `open`). */
  signupClosed: 'signup_closed',
  /** The person's address is not confirmed yet (the link sent when their organisation signed up). */
  emailUnconfirmed: 'email_unconfirmed',
  /** The organisation's plan does not allow it (core/plans/plans.ts); the message names the limit and the plan. */
  planLimit: 'plan_limit',
  /** The relay's operator suspended the organisation: no sign-in, no request, no live connection. */
  organizationSuspended: 'organization_suspended',
  /** The organisation keeps this to some of its groups (core/people/rights.ts), and the person is in none of them. */
  rightMissing: 'right_missing',
  /**
   * An invitation's address already has an account (with another organisation: one
   * account belongs to one organisation), so accepting cannot make one. Only the link's
   * holder hears it; the inviter's invitation looks like any other.
   */
  addressTaken: 'address_taken',
  /** A public slug another idea box already has (core/api/campaigns.ts). */
  slugTaken: 'slug_taken',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; issues?: ValidationIssue[]; planLimit?: PlanLimitDetail };
}

/** With a `plan_limit` refusal: which limit, of which plan, and what would lift it, so a client words it in its language. */
export interface PlanLimitDetail {
  limit: 'openActivities' | 'storage';
  planName: string;
  /** The plan's limit (activities, or bytes). */
  max: number;
  used: number;
  /** The name of the next plan that lifts it, or null. */
  lift: string | null;
}

export interface ValidationIssue {
  path: string;
  /** In English, as the relay words it. */
  message: string;
  /** Where the relay has one: what is wrong as a code (`csv.notADate`), with its particulars, for a client to word it. */
  code?: string;
  params?: Readonly<Record<string, string | number>>;
}

/** The HTTP status that goes with each code. */
export const statusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  already_set_up: 409,
  invalid_credentials: 401,
  rate_limited: 429,
  busy: 503,
  internal_error: 500,
  sms_refused: 422,
  sms_too_long: 422,
  over_budget: 402,
  quota_exceeded: 413,
  disk_full: 507,
  link_expired: 410,
  link_used: 410,
  content_removed: 410,
  link_revoked: 410,
  account_disabled: 403,
  signup_closed: 403,
  email_unconfirmed: 403,
  plan_limit: 402,
  organization_suspended: 403,
  right_missing: 403,
  address_taken: 409,
  slug_taken: 409,
};
