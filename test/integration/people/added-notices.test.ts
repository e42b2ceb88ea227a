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
 * and nobody twice, however many times or ways they are added.
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
});
