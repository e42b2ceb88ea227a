/**
 * The y-websocket wire protocol as the relay speaks it, and the close codes it uses.
 * Every frame starts with a varUint message type; see server/sync/SPEC.md.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;

/** Sub-types of a `sync` message (y-protocols/sync). */
export const SyncStep = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;

/**
 * Close codes. 4400–4499 tell a stock y-websocket client not to reconnect: reconnecting
 * cannot fix them. Others are retried with backoff.
 */
export const CloseCode = {
  /** The relay is restarting or shutting down: come back shortly. */
  serviceRestart: 1012,
  /** A frame exceeded the size limit (sent by the WebSocket layer itself). */
  frameTooLarge: 1009,
  /** Too many messages too fast: reconnect after a pause. */
  rateLimited: 4029,
  /** A frame could not be read: the client speaks something else. */
  malformedFrame: 4400,
  /** The person's sessions were revoked: sign in again. */
  signedOut: 4401,
  /** The person is no longer a member of the activity. */
  accessRevoked: 4403,
  /** An update depends on changes the relay never received: the client must reload. */
  danglingUpdate: 4409,
  /** The document (or the sender's share of it, or the update itself) is over its limit. */
  documentFull: 4413,
  /**
   * A change broke a rule of who writes what (SPEC W1–W8, W10): it was applied to nothing.
   * The app discards its local copy and syncs afresh (the rollback).
   */
  changeRefused: 4422,
  /** The sender or the activity used up today's write quota. */
  quotaExhausted: 4429,
  /** The activity's content was removed (its plan's retention): nothing to sync any more, do not reconnect. */
  contentRemoved: 4410,
  /** The relay is low on disk space: retried with backoff. */
  tryAgainLater: 1013,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Reasons sent with an `auth` permission-denied message, which clients show as is. */
export const DeniedReason = {
  readOnly: 'read-only: viewers cannot edit this activity; the change was not saved',
  documentFull: 'document-full: this activity reached its size limit; the change was not saved',
  shareFull: 'share-full: your part of this activity reached its limit; the change was not saved',
  updateTooLarge: 'update-too-large: the change holds too many entries at once; it was not saved',
  dangling: 'out-of-sync: the change builds on changes the relay never received; reload the activity',
  archived: 'read-only: this activity is archived; the change was not saved',
  quota: 'quota: the daily limit of changes was reached; the change was not saved',
  diskFull: 'disk-full: the relay is low on disk space; the change was not saved, try again later',
} as const;

/** The reason sent for a change refused by a rule of who writes what (SPEC W8), e.g. `refused: … (W5)`. */
export const refusedReason = (why: string, rule: string) => `refused: ${why}; the change was undone (${rule})`;
