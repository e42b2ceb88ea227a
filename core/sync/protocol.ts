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
  /** The document reached its size limit; no more edits are taken. */
  documentFull: 4413,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Reasons sent with an `auth` permission-denied message, which clients show as is. */
export const DeniedReason = {
  readOnly: 'read-only: viewers cannot edit this activity; the change was not saved',
  documentFull: 'document-full: this activity reached its size limit; the change was not saved',
} as const;
