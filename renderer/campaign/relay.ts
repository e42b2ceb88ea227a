import type { MyPublicVotes, PublicSession } from '#core/api/campaigns';
import type { ApiErrorBody, ErrorCode } from '#core/api/errors';
import type { PublicCommentPage } from '#core/api/idea-comments';

/**
 * What the public page asks of the relay, with plain fetch (no schema library: the page
 * must load fast on a phone). The session is the participant's own, kept apart from the
 * app's under its own key.
 */
export class RelayRefusal extends Error {
  constructor(
    readonly code: ErrorCode | 'network',
    readonly fields: string[],
  ) {
    super(code);
  }
}

const sessionKey = 'conclave.campaign.session';
export const session = {
  get: (): string | null => localStorage.getItem(sessionKey),
  set: (token: string) => localStorage.setItem(sessionKey, token),
  clear: () => localStorage.removeItem(sessionKey),
};

export async function ask<T>(method: string, path: string, body?: unknown | FormData): Promise<T> {
  const token = session.get();
  const form = body instanceof FormData;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: { ...(body === undefined || form ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  } catch {
    throw new RelayRefusal('network', []);
  }
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : {};
  if (!res.ok) {
    const error = (json as Partial<ApiErrorBody>).error;
    // A wrong password (401 invalid_credentials, when erasing one's account) is no ended session.
    if (res.status === 401 && error?.code !== 'invalid_credentials') session.clear();
    throw new RelayRefusal(error?.code ?? 'internal_error', (error?.issues ?? []).map((i) => i.path));
  }
  return json as T;
}

export const readMe = () => ask<{ name: string }>('GET', '/api/me');
export const readMyVotes = (slug: string) => ask<MyPublicVotes>('GET', `/api/public/idea-boxes/${encodeURIComponent(slug)}/my-votes`);
export const askSignUp = (slug: string, body: Record<string, unknown>) => ask<object>('POST', `/api/public/idea-boxes/${encodeURIComponent(slug)}/sign-up`, body);
export const confirmSignUp = (token: string) => ask<PublicSession>('POST', `/api/public/sign-up/${encodeURIComponent(token)}`);
export const signIn = (email: string, password: string) => ask<PublicSession>('POST', '/api/session', { email, password });
export const signOut = () => ask<object>('DELETE', '/api/session');
export const propose = (boxId: string, form: FormData) => ask<{ id: string }>('POST', `/api/activities/${encodeURIComponent(boxId)}/ideas`, form);
export const vote = (ideaId: string, on: boolean) =>
  ask<{ votes: number; myVote: boolean }>(on ? 'POST' : 'DELETE', `/api/ideas/${encodeURIComponent(ideaId)}/votes`, on ? {} : undefined);

/** One of the participant's notices (core/api/ideas.ts `IdeaNotice`), as the page reads it. */
export interface PageNotice {
  id: number;
  activityId: string;
  ideaTitle: string;
  kind: string;
  status: string | null;
  reason: string | null;
  comment: { id: string; text: string } | null;
  at: string;
}
export const readComments = (slug: string, ideaId: string, offset: number) =>
  ask<PublicCommentPage>('GET', `/api/public/idea-boxes/${encodeURIComponent(slug)}/ideas/${encodeURIComponent(ideaId)}/comments?offset=${offset}&limit=100`);
export const postComment = (ideaId: string, text: string) => ask<{ id: string; moderation: 'pending' | 'approved' }>('POST', `/api/ideas/${encodeURIComponent(ideaId)}/comments`, { text });
export const reportComment = (commentId: string, reason: string) => ask<object>('POST', `/api/idea-comments/${encodeURIComponent(commentId)}/reports`, { reason });
export const readNotices = () => ask<{ notices: PageNotice[] }>('GET', '/api/idea-notices');
/** The participant's own comments on the box that not everyone sees (waiting, or hidden with the reason), and the ids of those everyone sees. */
export const readHeldComments = (boxId: string) =>
  ask<{ comments: { id: string; ideaId: string; text: string; moderation: 'pending' | 'approved'; hidden: { reason: string } | null }[]; shown: string[] }>(
    'GET',
    `/api/activities/${encodeURIComponent(boxId)}/my-comments`,
  );
