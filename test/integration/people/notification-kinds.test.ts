import { describe, expect, it } from 'vitest';
import { addPerson, type Api } from '../../support/api.ts';
import { withMailOrganisation, type MailRelay } from '../../support/mail-relay.ts';

/**
 * Every notification kind goes through the person's choices (server/notifications/notify.ts):
 * being added to an activity (`invitation`) and a decision's review date (`review_due`)
 * reach by e-mail who keeps e-mail on, and not who turned it off.
 */
let world: MailRelay;
let admin: Api;
withMailOrganisation(new Date('2026-12-01T15:00:00Z'), (w, a) => {
  world = w;
  admin = a;
});

const off = (kind: string) => ({ prefs: [{ kind, email: false, sms: false }], digest: 'none' });

describe('notification kinds follow each person’s choices', () => {
  it('invitation: a person added to an activity is told by e-mail only if they want it', async () => {
    const fabien = await addPerson(admin, 'Fabien Facile');
    const bob = await addPerson(admin, 'Bob Bonnet');
    const carol = await addPerson(admin, 'Carol Carre');
    await carol.api.ok('PUT', '/api/me/notifications', off('invitation'));
    const { id } = await fabien.api.ok<{ id: string }>('POST', '/api/activities', { title: 'Canteen menu', question: 'Which caterer from January?' });
    await fabien.api.ok('POST', `/api/activities/${id}/members`, { userId: carol.id, role: 'contributor' });
    await fabien.api.ok('POST', `/api/activities/${id}/members`, { userId: bob.id, role: 'contributor' });
    const mail = await world.smtp.nthTo('bob.bonnet@durand.example');
    expect(mail.subject).toContain('Canteen menu');
    expect(mail.text).toContain(`/#/activities/${id}`);
    // Bob's came after Carol's would have: none for Carol.
    expect(world.smtp.to('carol.carre@durand.example')).toEqual([]);
  });

  it('review due: the facilitator who keeps e-mail on is reminded by e-mail, the one who turned it off is not', async () => {
    const fiona = await addPerson(admin, 'Fiona Fort');
    const gus = await addPerson(admin, 'Gus Gras');
    await gus.api.ok('PUT', '/api/me/notifications', off('review_due'));
    const { id } = await fiona.api.ok<{ id: string }>('POST', '/api/activities', { title: 'Night shift', question: 'Do we keep the night shift?' });
    await fiona.api.ok('POST', `/api/activities/${id}/members`, { userId: gus.id, role: 'facilitator' });
    await fiona.api.ok('POST', `/api/activities/${id}/decision`, { outcome: 'We keep it.', rationale: 'Orders at night.', reviewDate: '2026-12-03' });
    // The review date passes; publishing another decision wakes the reviews.
    await world.setClock(new Date('2026-12-03T08:00:00Z'));
    const { id: other } = await fiona.api.ok<{ id: string }>('POST', '/api/activities', { title: 'Other', question: 'Anything else to decide?' });
    await fiona.api.ok('POST', `/api/activities/${other}/decision`, { outcome: 'No.', rationale: 'Nothing.' });
    const reminder = await world.smtp.nthTo('fiona.fort@durand.example', 3);
    expect([reminder, ...world.smtp.to('fiona.fort@durand.example')].some((m) => m.subject === 'Revue due : Night shift')).toBe(true);
    expect(world.smtp.to('gus.gras@durand.example').filter((m) => m.subject.includes('Revue'))).toEqual([]);
  });
});
