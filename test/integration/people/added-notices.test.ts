import { describe, expect, it } from 'vitest';
import type { NoticeWait } from '#core/api/notifications';
import { addPerson, type Api } from '../../support/api.ts';
import { withMailOrganisation, type MailRelay } from '../../support/mail-relay.ts';
import { mailKindsTo, noticesOf } from '../../support/notices.ts';
import { queryStore } from '../../support/store-reader.ts';

/**
 * Added to an activity (README "Notifications"): a person who already has an account hears
 * of it in the bell, pushed live, as well as by e-mail in their language; a group added
 * tells each of its people once — not the facilitator adding it, not a disabled person,
 * and nobody twice, however many times or ways they are added; and someone who joins a
 * group already in running activities hears of each of them the same way, once.
 */
let world: MailRelay;
let admin: Api;
withMailOrganisation(new Date('2026-12-01T09:00:00Z'), (w, a) => {
  world = w;
  admin = a;
});

const invitations = (activityId: string) =>
  queryStore<{ user_id: string }>(world.relay.dataDir, "SELECT user_id FROM activity_notices WHERE kind = 'invitation' AND activity_id = ? ORDER BY user_id", [activityId]).then((rows) =>
    rows.map((r) => r.user_id),
  );
const mailKinds = (email: string) => mailKindsTo(world.relay.dataDir, email);

describe('people added to an activity', () => {
  it('a person with an account gets a notice in the bell, live, and the e-mail; a group tells each of its people once', async () => {
    const fabien = await addPerson(admin, 'Fabien Facile');
    const bob = await addPerson(admin, 'Bob Bonnet');
    const carol = await addPerson(admin, 'Carol Carre');
    const dan = await addPerson(admin, 'Dan Dupuis');
    const erin = await addPerson(admin, 'Erin Eteinte');
    await bob.api.ok('PATCH', '/api/me', { language: 'en' });
    const { id: activityId } = await fabien.api.ok<{ id: string }>('POST', '/api/activities', { title: 'Canteen menu', question: 'Which caterer from January?' });

    // Bob, added by name: his waiting bell is answered, the notice names who added him, and the e-mail goes too.
    const { cursor } = await bob.api.ok<NoticeWait>('GET', '/api/me/notices/wait');
    const held = bob.api.ok<NoticeWait>('GET', `/api/me/notices/wait?after=${encodeURIComponent(cursor)}`);
    await fabien.api.ok('POST', `/api/activities/${activityId}/members`, { userId: bob.id, role: 'contributor' });
    expect((await held).changed).toBe(true);
    expect((await noticesOf(bob.api)).map((n) => [n.kind, n.activityId, n.activityTitle, n.actorName, n.readAt])).toEqual([
      ['invitation', activityId, 'Canteen menu', 'Fabien Facile', null],
    ]);
    const toBob = await world.smtp.nthTo('bob.bonnet@durand.example');
    expect(toBob.subject).toBe('Fabien Facile invites you to "Canteen menu"');
    expect(toBob.text).toContain(`/#/activities/${activityId}`);

    // A group of Bob (already in), Carol, Dan, Erin (disabled) and Fabien himself.
    const { id: groupId } = await admin.ok<{ id: string }>('POST', '/api/groups', { name: 'Lyon site', members: [bob.id, carol.id, dan.id, erin.id, fabien.id] });
    await admin.ok('PATCH', `/api/users/${erin.id}`, { disabled: true });
    await fabien.api.ok('POST', `/api/activities/${activityId}/members`, { groupId, role: 'viewer' });
    expect((await world.smtp.nthTo('carol.carre@durand.example')).subject).toBe('Fabien Facile vous invite à « Canteen menu »');
    await world.smtp.nthTo('dan.dupuis@durand.example');
    expect((await noticesOf(carol.api)).map((n) => [n.kind, n.actorName])).toEqual([['invitation', 'Fabien Facile']]);
    expect(await invitations(activityId)).toEqual([bob.id, carol.id, dan.id].sort());

    // Once per person: the group's role changed, Carol added by name as well — nothing more.
    await fabien.api.ok('POST', `/api/activities/${activityId}/members`, { groupId, role: 'contributor' });
    await fabien.api.ok('POST', `/api/activities/${activityId}/members`, { userId: carol.id, role: 'contributor' });
    // Told after the above if it were told at all: a fresh person added last.
    const gus = await addPerson(admin, 'Gus Garnier');
    await fabien.api.ok('POST', `/api/activities/${activityId}/members`, { userId: gus.id, role: 'viewer' });
    await world.smtp.nthTo('gus.garnier@durand.example');
    expect(await invitations(activityId)).toEqual([bob.id, carol.id, dan.id, gus.id].sort());
    expect(await mailKinds('carol.carre@durand.example')).toEqual(['notification.invitation']);
    expect(await mailKinds('bob.bonnet@durand.example')).toEqual(['notification.invitation']);
    expect(await noticesOf(fabien.api)).toEqual([]);
    expect(world.smtp.to('fabien.facile@durand.example')).toEqual([]);
    expect(world.smtp.to('erin.eteinte@durand.example')).toEqual([]);
  });

  it('someone joining a group already in running activities hears of each, once, live and by e-mail; not of a decided one, nor of one they already reached', async () => {
    const fabien = await addPerson(admin, 'Fabien Fondu');
    const hugo = await addPerson(admin, 'Hugo Hautbois');
    const iris = await addPerson(admin, 'Iris Indigo');
    const jules = await addPerson(admin, 'Jules Jade');
    const kim = await addPerson(admin, 'Kim Kaki');
    const open = async (title: string) => (await fabien.api.ok<{ id: string }>('POST', '/api/activities', { title, question: `${title}: what do we choose?` })).id;
    const [budget, offsite, closed] = [await open('Budget 2027'), await open('Offsite'), await open('Old survey')];
    const { id: groupId } = await admin.ok<{ id: string }>('POST', '/api/groups', { name: 'Finance', members: [] });
    for (const activityId of [budget, offsite, closed]) await fabien.api.ok('POST', `/api/activities/${activityId}/members`, { groupId, role: 'contributor' });
    await fabien.api.ok('PATCH', `/api/activities/${closed}`, { status: 'decided' });
    // Iris is in the budget already, by name; Kim is disabled.
    await fabien.api.ok('POST', `/api/activities/${budget}/members`, { userId: iris.id, role: 'viewer' });
    await admin.ok('PATCH', `/api/users/${kim.id}`, { disabled: true });

    // Hugo joins: his waiting bell is answered; he hears of the budget and the offsite, not of the decided survey.
    const { cursor } = await hugo.api.ok<NoticeWait>('GET', '/api/me/notices/wait');
    const held = hugo.api.ok<NoticeWait>('GET', `/api/me/notices/wait?after=${encodeURIComponent(cursor)}`);
    await admin.ok('POST', `/api/groups/${groupId}/members`, { userId: hugo.id });
    expect((await held).changed).toBe(true);
    expect((await noticesOf(hugo.api)).map((n) => [n.kind, n.activityTitle]).sort()).toEqual([
      ['invitation', 'Budget 2027'],
      ['invitation', 'Offsite'],
    ]);
    await world.smtp.nthTo('hugo.hautbois@durand.example', 2);

    // The whole list set at once: Iris, Jules and Kim join; Hugo stays.
    await admin.ok('PUT', `/api/groups/${groupId}/members`, { members: [hugo.id, iris.id, jules.id, kim.id] });
    await world.smtp.nthTo('jules.jade@durand.example', 2);
    const told = async (activityId: string) => (await invitations(activityId)).sort();
    expect(await told(budget)).toEqual([hugo.id, iris.id, jules.id].sort());
    expect(await told(offsite)).toEqual([hugo.id, iris.id, jules.id].sort());
    expect(await told(closed)).toEqual([]);
    // Hugo leaves and comes back: nothing more, to anyone.
    await admin.ok('DELETE', `/api/groups/${groupId}/members/${hugo.id}`);
    await admin.ok('POST', `/api/groups/${groupId}/members`, { userId: hugo.id });
    await admin.ok('PUT', `/api/groups/${groupId}/members`, { members: [hugo.id, iris.id, jules.id] });
    // Told after the above if it were told at all: a fresh person added last.
    const lea = await addPerson(admin, 'Lea Lilas');
    await admin.ok('POST', `/api/groups/${groupId}/members`, { userId: lea.id });
    await world.smtp.nthTo('lea.lilas@durand.example', 2);
    expect(await mailKinds('hugo.hautbois@durand.example')).toEqual(['notification.invitation', 'notification.invitation']);
    expect(await mailKinds('iris.indigo@durand.example')).toEqual(['notification.invitation', 'notification.invitation']);
    expect(world.smtp.to('kim.kaki@durand.example')).toEqual([]);
    expect(await noticesOf(admin)).toEqual([]);
  });
});

