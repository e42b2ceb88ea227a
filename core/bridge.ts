/**
 * The desktop bridge: everything the renderer may ask of Electron's main process, and
 * the one event main sends back. The preload (`main/preload.ts`) exposes exactly this
 * object as `window.conclave`; `main/ipc.ts` refuses any other channel and validates
 * every argument and result against the schemas below.
 *
 * In a browser (web mode) `window.conclave` is absent: the renderer then uses its own
 * origin as the relay, keeps the session token in localStorage (so that a reload keeps
 * the person signed in; the CSP allows no foreign script to read it), and opens links itself.
 *
 * Failures a user can meet come back as values (`{ ok: false, code, message }`) with a
 * message fit to show; a rejected promise means a defect (or a refused channel).
 */
import { z } from 'zod';
import { Id } from './api/common.ts';
import { bridgeChannels as channel, openActivityEvent } from './bridge-channels.ts';

export { openActivityEvent };

/** Where the app looks for the relay unless told otherwise (`npm start` runs one there). */
export const defaultRelayUrl = 'http://127.0.0.1:8787';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Why `raw` cannot be the relay's address, or null when it can. The relay holds the
 * session token's counterpart, so plain http is allowed for this computer only.
 */
export function relayUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return 'the relay address must be a full URL, such as https://conclave.example.org';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'the relay address must start with https://';
  if (url.protocol === 'http:' && !loopbackHosts.has(url.hostname)) {
    return 'a relay on another computer must be reached over https://';
  }
  if (url.username || url.password) return 'the relay address must not contain a user name or password';
  if (url.search || url.hash) return 'the relay address must not contain "?" or "#" parts';
  return null;
}

/** A valid relay address in one canonical form: no trailing slash. */
export function normalRelayUrl(raw: string): string {
  const url = new URL(raw.trim());
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export const RelayUrl = z
  .string()
  .max(2048)
  .superRefine((raw, ctx) => {
    const problem = relayUrlProblem(raw);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A session token as the relay issues it (opaque, URL-safe). */
export const SessionToken = z.string().regex(/^[A-Za-z0-9_~.+/=-]{16,512}$/, 'not a session token');

export const NotificationRequest = z.strictObject({
  title: z.string().trim().min(1).max(200),
  body: z.string().max(1000),
  /** When set, clicking the notification opens this activity (as a deep link would). */
  activityId: Id.optional(),
});
export type NotificationRequest = z.infer<typeof NotificationRequest>;

/** Schemes the system browser or mail client may be asked to open. */
export const externalSchemes = ['https:', 'mailto:'] as const;

const failure = <const C extends string>(code: C) =>
  z.strictObject({ ok: z.literal(false), code: z.literal(code), message: z.string() });
const success = <S extends z.ZodRawShape>(shape: S) => z.strictObject({ ok: z.literal(true), ...shape });

export const SetRelayUrlResult = z.union([success({ relayUrl: z.string() }), failure('invalid-relay-url')]);
export const SaveTokenResult = z.union([success({}), failure('encryption-unavailable')]);
export const OpenExternalResult = z.union([success({}), failure('link-not-allowed')]);
export const NotificationResult = z.strictObject({ shown: z.boolean() });

/**
 * Each call: its IPC channel, its arguments (a tuple) and its result. Names are what
 * the renderer calls on `window.conclave`.
 */
export const bridgeCalls = {
  /** The relay this app talks to (configured, saved, or `defaultRelayUrl`). */
  relayUrl: { channel: channel.relayUrl, args: z.tuple([]), result: z.string() },
  /**
   * Points the app at another relay; saved for next time. When the address changes,
   * the saved session token is cleared and the page reloads (its security policy names
   * the relay it may reach).
   */
  setRelayUrl: { channel: channel.setRelayUrl, args: z.tuple([z.string().max(2048)]), result: SetRelayUrlResult },
  /** Keeps the token encrypted by the OS (safeStorage); refused when the OS cannot encrypt. */
  saveSessionToken: { channel: channel.saveSessionToken, args: z.tuple([SessionToken]), result: SaveTokenResult },
  /** The saved token, or null (none saved, or it can no longer be decrypted). */
  loadSessionToken: { channel: channel.loadSessionToken, args: z.tuple([]), result: SessionToken.nullable() },
  clearSessionToken: { channel: channel.clearSessionToken, args: z.tuple([]), result: z.null() },
  /** A native notification; `shown: false` where the OS offers none. */
  showNotification: {
    channel: channel.showNotification,
    args: z.tuple([NotificationRequest]),
    result: NotificationResult,
  },
  /** Opens an https: or mailto: link in the system's browser or mail client. */
  openExternal: { channel: channel.openExternal, args: z.tuple([z.string().max(4096)]), result: OpenExternalResult },
  /** Used by the preload only: the activity a deep link asked for before anyone listened. */
  takePendingActivity: { channel: channel.takePendingActivity, args: z.tuple([]), result: Id.nullable() },
} as const;

export type BridgeCallName = keyof typeof bridgeCalls;

type Calls = {
  readonly [K in Exclude<BridgeCallName, 'takePendingActivity'>]: (
    ...args: z.input<(typeof bridgeCalls)[K]['args']>
  ) => Promise<z.output<(typeof bridgeCalls)[K]['result']>>;
};

/** `window.conclave` in the desktop app. */
export interface ConclaveBridge extends Calls {
  /**
   * Calls `listener` with the activity id whenever the user opens a deep link or clicks
   * a notification — including one that launched the app before the page was ready.
   * Returns a function that stops listening.
   */
  readonly onOpenActivity: (listener: (activityId: string) => void) => () => void;
}

declare global {
  interface Window {
    /** Present in the desktop app only (see core/bridge.ts). */
    readonly conclave?: ConclaveBridge;
  }
}
