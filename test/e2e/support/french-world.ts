import { Api, password } from '../../support/api.ts';
import { upload } from '../../support/uploads.ts';
import { emailOf } from './web-relay.ts';

const inADay = () => new Date(Date.now() + 86_400_000).toISOString();

/** A French organisation's day: a board with polls revealed and a decision, figures, SMS, an idea box. */
export async function frenchWorld(base: string, admin: Api) {
  const chloeEmail = emailOf('Chloé Bernard');
  const { id: chloeId } = await admin.ok<{ id: string }>('POST', '/api/users', {
    name: 'Chloé Bernard', email: chloeEmail, password, role: 'member', phone: '06 12 34 56 78', smsOptIn: true,
  });
  const chloe = admin.as((await new Api(base).ok<{ token: string }>('POST', '/api/session', { email: chloeEmail, password })).token);
  const { id } = await admin.ok<{ id: string }>('POST', '/api/activities', {
    title: 'Boutique de Lyon', question: 'Faut-il ouvrir une boutique à Lyon en 2027 ?', description: 'Notre deuxième ville en commandes.',
  });
  await admin.ok('POST', `/api/activities/${id}/members`, { userId: chloeId, role: 'contributor' });
  const single = await admin.ok<{ id: string }>('POST', `/api/activities/${id}/polls`, {
    kind: 'single', rule: 'plurality', options: ['Presqu’île', 'Part-Dieu'], question: 'Dans quel quartier ouvrir ?', deadline: inADay(),
  });
  await admin.ok('POST', `/api/polls/${single.id}/votes`, { choice: 'Presqu’île' });
  await chloe.ok('POST', `/api/polls/${single.id}/votes`, { choice: 'Part-Dieu' });
  await admin.ok('POST', `/api/polls/${single.id}/reveal`);
  const consent = await admin.ok<{ id: string }>('POST', `/api/activities/${id}/polls`, {
    kind: 'consent', rule: 'consent', proposal: 'Ouvrir à la Presqu’île au printemps 2027.', question: 'Consentez-vous à cette proposition ?', deadline: inADay(),
  });
  await chloe.ok('POST', `/api/polls/${consent.id}/votes`, { position: 'agree' });
  await admin.ok('POST', `/api/polls/${consent.id}/reveal`);
  await admin.ok('POST', `/api/activities/${id}/polls`, {
    kind: 'estimate', rule: 'median', quantity: 'CA', unit: 'k€', question: 'Quel chiffre d’affaires la première année ?', deadline: inADay(),
  });
  await admin.ok('POST', `/api/activities/${id}/decision`, {
    outcome: 'Nous ouvrons à la Presqu’île au printemps.', rationale: 'Le passage y est le plus fort.', chosenOption: 'Presqu’île', dissent: 'La Part-Dieu coûte moins cher.',
  });

  const figure = await admin.ok<{ id: string }>('POST', '/api/figures', { label: 'CA veille', unit: 'EUR' });
  await admin.ok('PUT', `/api/figures/${figure.id}/values/2026-12-03`, { value: 1_180_000, forecast: 1_200_000, lastYear: 1_100_000 });
  await admin.ok('PUT', `/api/figures/${figure.id}/values/2026-12-04`, { value: 1_234_567, forecast: 1_261_049, lastYear: 1_193_971 });
  await admin.ok('POST', '/api/lists', { name: 'Comité de direction', members: [chloeId] });
  await admin.ok('POST', '/api/sms/messages', { to: '06 12 34 56 78', text: 'Réunion demain à 9 h au siège.' });
  await admin.ok('POST', '/api/sms/outbox/replies', { from: '+33612345678', text: 'Merci, je serai là.' });

  const box = await admin.ok<{ id: string }>('POST', '/api/activities', {
    title: 'Idées pour nos magasins', question: 'Comment mieux accueillir nos clients ?', kind: 'ideas', categories: ['Accueil', 'Caisse'],
  });
  const idea = await chloe.ok<{ id: string }>('POST', `/api/activities/${box.id}/ideas`, { title: 'Des bancs près des cabines', text: 'Pour ceux qui attendent.', category: 'Accueil' });
  // Comments under the idea: the team's, and a colleague's the facilitator reads with its report.
  await admin.ok('POST', `/api/ideas/${idea.id}/comments`, { text: 'Nous regardons avec le magasin de Lyon.' });
  const remark = await chloe.ok<{ id: string }>('POST', `/api/ideas/${idea.id}/comments`, { text: 'Et un point d’eau à côté ?' });
  await admin.ok('POST', `/api/idea-comments/${remark.id}/reports`, { reason: 'off_topic' });
  // What came with the methods catalogue and files: an action item (its board and My actions) and files on the Files tab.
  const me = await admin.ok<{ id: string }>('GET', '/api/me');
  await admin.ok('POST', `/api/activities/${id}/actions`, { title: 'Visiter trois locaux', ownerId: me.id, due: '2026-12-18', source: 'decision' });
  const csv = Buffer.from('Mois;Ventes\nJanvier;120\nFévrier;135\n', 'utf8');
  const files = await upload(admin, id, [{ bytes: csv, name: 'ventes-lyon.csv', type: 'text/csv' }, { bytes: Buffer.from('Bail de neuf ans.\n'), name: 'bail.txt', type: 'text/plain' }]);
  if (files.status !== 201) throw new Error(`upload: ${files.status} ${JSON.stringify(files.body)}`);
  // A meeting from its template (agenda and action items boards) and the idea box published as a public campaign.
  const meeting = await admin.ok<{ id: string }>('POST', '/api/activities', {
    title: 'Comité du lundi', question: 'Que décidons-nous cette semaine ?', template: 'meeting',
  });
  await admin.ok('PATCH', `/api/activities/${box.id}`, { publicSlug: 'idees-magasins' });
  return { activityId: id, figureId: figure.id, boxId: box.id, ideaId: idea.id, meetingId: meeting.id, campaignSlug: 'idees-magasins' };
}

