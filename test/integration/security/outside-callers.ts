import type { World } from './world.ts';

/**
 * What the suites of callers from outside the organisation (a guest, a public
 * participant) share: a raw call with their token, the world's secrets found in an
 * answer, and the organisation's directory (people, groups, plan figures) refused to them.
 */
export function callerWith(w: World, token: string) {
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(w.relay.url + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, text: bytes.toString(/json|text/.test(res.headers.get('content-type') ?? '') ? 'utf8' : 'latin1') };
  };
}

export const leaksIn = (w: World, text: string) =>
  w.secrets.filter((s) => text.includes(s.value) || text.includes(JSON.stringify(s.value).slice(1, -1))).map((s) => s.label);

/** The organisation's people, groups, templates and plan figures: refused (403) to guests and participants, but for their own person. */
export const orgDirectory = (path: string, selfId: string) =>
  /^\/api\/(users|groups|activity-templates|organization\/(usage|retention))(\/|$|\?)/.test(path) && !path.includes(selfId);
