/**
 * The demo organisation of `npm start -- --demo`: people with phones and SMS consent,
 * a board of directors, an activity with a SWOT board and comments, daily figures
 * with their history and morning schedule, and an idea box with ideas and votes — all through the relay's own API and sync,
 * as a client would make them.
 */
import { Api } from '../lib/http-client.ts';
import { writeDocument } from './document.ts';
import { seedFigures } from './figures.ts';
import { seedIdeas } from './ideas.ts';

export const demoPassword = 'conclave-demo-2026';

const people = [
  { name: 'Bruno Lefèvre', email: 'bruno@durand.example', phone: '06 11 22 33 44', role: 'member' },
  { name: 'Chloé Martin', email: 'chloe@durand.example', phone: '06 22 33 44 55', role: 'member' },
  { name: 'David Nguyen', email: 'david@durand.example', phone: '06 33 44 55 66', role: 'member' },
  { name: 'Emma Rossi', email: 'emma@durand.example', phone: '06 44 55 66 77', role: 'member' },
] as const;

export interface SeededDemo {
  password: string;
  people: { name: string; email: string; role: string }[];
  activityId: string;
}

/** Seeds a fresh relay; returns null when it is already set up (nothing is changed). */
export async function seedDemo(relayUrl: string): Promise<SeededDemo | null> {
  const anon = new Api(relayUrl);
  const setup = await anon.call<{ token: string }>('POST', '/api/setup', {
    organization: 'Maison Durand',
    name: 'Alice Durand',
    email: 'alice@durand.example',
    password: demoPassword,
    region: 'FR',
    locale: 'fr',
  });
  if (setup.status === 409) return null;
  if (setup.status !== 201) throw new Error(`setup failed: ${setup.status} ${JSON.stringify(setup.body)}`);
  const admin = anon.as(setup.body.token);
  const me = await admin.ok<{ id: string; name: string }>('GET', '/api/me');

  const ids: Record<string, string> = {};
  for (const p of people) {
    const { id } = await admin.ok<{ id: string }>('POST', '/api/users', { ...p, password: demoPassword, smsOptIn: true });
    ids[p.email] = id;
  }
  const { id: board } = await admin.ok<{ id: string }>('POST', '/api/groups', {
    name: 'Comité de direction',
    members: Object.values(ids),
  });

  const { id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
    title: 'Magasin de Lyon',
    question: 'Devons-nous ouvrir un magasin à Lyon Part-Dieu au printemps 2027 ?',
    description:
      'Le bail proposé court sur neuf ans, loyer 18 k€ par mois.\nDécision attendue avant la fin du mois : le bailleur a un autre preneur.',
    deadline: new Date(Date.now() + 14 * 86_400_000).toISOString(),
  });
  await admin.ok('POST', `/api/activities/${activityId}/members`, { groupId: board, role: 'contributor' });
  await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: ids['david@durand.example']!, role: 'viewer' });
  await admin.ok('PATCH', `/api/activities/${activityId}`, { status: 'open' });

  await writeDocument(admin, activityId, { id: me.id, name: me.name });
  // Daily figures with six weeks of history, sent to the board at 09:00 Monday–Saturday.
  await seedFigures(admin, { memberIds: Object.values(ids), weeks: 6 });
  // An idea box open to everyone, with a few ideas, votes and an answer.
  const signIn = async (email: string) =>
    anon.as((await anon.ok<{ token: string }>('POST', '/api/session', { email, password: demoPassword })).token);
  await seedIdeas(admin, signIn);

  return {
    password: demoPassword,
    activityId,
    people: [
      { name: me.name, email: 'alice@durand.example', role: 'admin, facilitator' },
      ...people.map((p) => ({ name: p.name, email: p.email, role: p.email.startsWith('david') ? 'viewer' : 'contributor' })),
    ],
  };
}
