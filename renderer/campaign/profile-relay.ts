import { ask, RelayRefusal, session } from './relay.ts';

export { session };

/** The notification settings as the relay keeps them (core/api/notifications.ts), read and written whole. */
interface Settings {
  prefs: { kind: string; email: boolean; sms: boolean }[];
  digest: string;
}

/** What the profile shows: the person's name, their one consent, and how answers to their ideas reach them. */
export interface Profile {
  name: string;
  namedPublicly: boolean;
  answers: { email: boolean; sms: boolean };
}

const answerKind = 'idea_answer';

export async function readProfile(): Promise<Profile> {
  const [me, settings] = await Promise.all([ask<{ name: string; namedPublicly: boolean }>('GET', '/api/me'), ask<Settings>('GET', '/api/me/notifications')]);
  const answers = settings.prefs.find((p) => p.kind === answerKind) ?? { email: true, sms: true };
  return { name: me.name, namedPublicly: me.namedPublicly, answers: { email: answers.email, sms: answers.sms } };
}

/** Saves the name and consent, then the answers' channels over the person's other choices, unchanged. */
export async function saveProfile(me: { name: string; namedPublicly: boolean }, answers: { email: boolean; sms: boolean }): Promise<void> {
  await ask('PATCH', '/api/me', { name: me.name.trim(), namedPublicly: me.namedPublicly });
  const settings = await ask<Settings>('GET', '/api/me/notifications');
  const prefs = settings.prefs.filter((p) => p.kind !== answerKind).concat({ kind: answerKind, ...answers });
  await ask('PUT', '/api/me/notifications', { prefs, digest: settings.digest });
}

export const askEmailChange = (email: string, password: string) => ask<{ expiresAt: string }>('POST', '/api/me/email', { email, password });
export const confirmEmailChange = (token: string) => ask<{ email: string }>('POST', `/api/email-changes/${encodeURIComponent(token)}`);
export const eraseMe = (password: string) => ask<{ erased: true }>('POST', '/api/me/erasure', { password });

/** The personal export as a file to save (the relay names it). */
export async function downloadMyData(): Promise<{ blob: Blob; name: string }> {
  let res: Response;
  try {
    res = await fetch('/api/me/export', { headers: { authorization: `Bearer ${session.get() ?? ''}` } });
  } catch {
    throw new RelayRefusal('network', []);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: { code?: RelayRefusal['code'] } };
    throw new RelayRefusal(body.error?.code ?? 'internal_error', []);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'conclave.json';
  return { blob: await res.blob(), name };
}
