/**
 * Deep links into the desktop app: `conclave://activity/<id>` opens that activity.
 * Anything else under the scheme is refused, so a web page cannot drive the app
 * through crafted links.
 */
import { Id } from './api/common.ts';

export const deepLinkScheme = 'conclave';

/** The link that opens an activity in the desktop app (for "copy link"). */
export function activityLink(activityId: string): string {
  return `${deepLinkScheme}://activity/${encodeURIComponent(activityId)}`;
}

/**
 * The activity id a deep link points to, or null when `raw` is not exactly
 * `conclave://activity/<id>` (an optional trailing slash is tolerated).
 */
export function parseActivityLink(raw: string): string | null {
  if (raw.length > 512) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${deepLinkScheme}:`) return null;
  if (url.hostname !== 'activity' || url.username || url.password || url.port) return null;
  if (url.search || url.hash) return null;
  const match = /^\/([^/]+)\/?$/.exec(url.pathname);
  if (!match?.[1]) return null;
  const id = Id.safeParse(match[1]);
  return id.success ? id.data : null;
}

/** The first activity deep link among command-line arguments (Windows and Linux pass them so). */
export function activityLinkInArgs(args: readonly string[]): string | null {
  for (const arg of args) {
    if (!arg.toLowerCase().startsWith(`${deepLinkScheme}:`)) continue;
    const id = parseActivityLink(arg);
    if (id) return id;
  }
  return null;
}
