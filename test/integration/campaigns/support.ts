import { Api, password } from '../../support/api.ts';
import type { MailRelay } from '../../support/mail-relay.ts';

export const rubrics = ['Bien manger', 'Enfants', 'Fidélité', 'Environnement', 'Courses'];

export interface PublicIdeaView {
  id: string;
  title: string;
  text: string;
  votes: number;
  status: string;
  answer: string | null;
  author: string | null;
  photo: boolean;
}
export interface PublicBoxView {
  title: string;
  boxId: string;
  categories: string[];
  ideas: PublicIdeaView[];
  total: number;
  next: number | null;
}

/** A facilitator's idea box, published at `slug`. */
export async function publishedBox(admin: Api, slug: string, title = 'Si j’étais Maison Durand…') {
  const { id } = await admin.ok<{ id: string }>('POST', '/api/activities', {
    kind: 'ideas',
    title,
    question: 'Si vous étiez à notre place, que feriez-vous pour nos magasins ?',
    categories: rubrics,
    publicSlug: slug,
  });
  return id;
}

/** Signs a stranger up on the box's page, opens the e-mailed link, and returns their session. */
export async function signUpParticipant(world: MailRelay, slug: string, name: string, email: string, nth = 1, extra: Record<string, unknown> = {}) {
  const anon = new Api(world.relay.url);
  const asked = await anon.call('POST', `/api/public/idea-boxes/${slug}/sign-up`, { name, email, password, ...extra });
  if (asked.status !== 202) throw new Error(`sign-up answered ${asked.status}: ${JSON.stringify(asked.body)}`);
  const token = await world.smtp.tokenTo(email, `/ideas/${slug}#/confirm/`, nth);
  const { token: session } = await anon.ok<{ token: string }>('POST', `/api/public/sign-up/${token}`);
  return anon.as(session);
}

/** Posts an idea as multipart/form-data, as the app and the public page do. */
export async function proposeIdea(api: Api, boxId: string, fields: Record<string, string>, photo?: Buffer) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (photo) form.append('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'photo.jpg');
  const res = await fetch(`${api.base}/api/activities/${boxId}/ideas`, { method: 'POST', headers: { authorization: `Bearer ${api.token}` }, body: form });
  return { status: res.status, body: (await res.json()) as { id?: string; error?: { code: string; message: string } } };
}
