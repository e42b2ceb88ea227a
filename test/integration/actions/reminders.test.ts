import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { startMailRelay, type MailRelay } from '../../support/mail-relay.ts';
import { mailKindsTo, noticesOf } from '../../support/notices.ts';
import { queryStore } from '../../support/store-reader.ts';

/**
 * Action item reminders (issue 17) on a real relay, SMTP on loopback, the relay's clock
 * moved by the test: the owner is reminded the day before and on the due day at 09:00 in
 * their zone (Europe/Paris here), in the bell and by e-mail in their language, each once —
 * across a restart and a kill -9 — and not at all for a closed item or one whose owner left.
 */
let world: MailRelay;
let admin: Api;
beforeAll(async () => {
  world = await startMailRelay(new Date('2026-12-01T09:00:00Z'), { CONCLAVE_NOTICES_TICK_MS: '100' });
  admin = await setUpOrganisation(world.relay.url);
}, 120_000);
afterAll(async () => {
  await world?.close();
});

const reminders = (userId: string) =>
  queryStore<{ about: string; key: string }>(world.relay.dataDir, "SELECT about, key FROM activity_notices WHERE kind = 'action_due' AND user_id = ? ORDER BY id", [userId]);

describe('action item reminders', () => {
  it('reminds the owner the day before and on the day, once each, across a kill -9 and restarts', async () => {
    const fay = await addPerson(admin, 'Fay Facile');
    const bob = await addPerson(admin, 'Bob Bonnet');
    const carol = await addPerson(admin, 'Carol Carre');
    await bob.api.ok('PATCH', '/api/me', { language: 'en' });
    const { id: activityId } = await fay.api.ok<{ id: string }>('POST', '/api/activities', { title: 'New warehouse', question: 'Where do we build it?' });
    for (const who of [bob, carol]) await fay.api.ok('POST', `/api/activities/${activityId}/members`, { userId: who.id, role: 'contributor' });
    await world.smtp.nthTo('carol.carre@durand.example');
    await world.smtp.nthTo('bob.bonnet@durand.example');
    const add = (title: string, ownerId: string, due: string) => fay.api.ok('POST', `/api/activities/${activityId}/actions`, { title, ownerId, due });
    await add('Visit the Lyon site', bob.id, '2026-12-03');
    await add('Ask the bank', carol.id, '2026-12-03');
    await add('Order the survey', carol.id, '2026-12-03');

    // Before 09:00 Paris the day before: nothing.
    await world.setClock(new Date('2026-12-02T07:59:00Z'));
    await world.relay.stop();
    world.relay = await world.relay.restart();
    expect(await reminders(bob.id)).toEqual([]);

    // Carol leaves the activity: her two items are not reminded.
    await fay.api.ok('DELETE', `/api/activities/${activityId}/members/users/${carol.id}`);

    // 09:00 Paris the day before: Bob's reminder, in English, in the bell and by e-mail.
    await world.setClock(new Date('2026-12-02T08:00:30Z'));
    // A loaded machine may take a while to run the pumps after a restart: wait up to a minute.
    const first = await world.smtp.nthTo('bob.bonnet@durand.example', 2, 60_000);
    expect(first.subject).toBe('Action item due on Thursday, 3 December 2026: Visit the Lyon site');
    expect(first.text).toContain('In “New warehouse”, you own this action item.');
    expect((await noticesOf(bob.api)).map((n) => [n.kind, n.about])).toEqual([
      ['action_due', 'Visit the Lyon site'],
      ['invitation', null],
    ]);
    // Killed right after: at start nothing goes again.
    await world.relay.kill9();
    world.relay = await world.relay.restart();
    await world.setClock(new Date('2026-12-02T20:00:00Z'));
    await world.relay.stop();
    world.relay = await world.relay.restart();
    expect((await reminders(bob.id)).length).toBe(1);

    // On the day, 09:00 Paris: the second, once.
    await world.setClock(new Date('2026-12-03T08:00:30Z'));
    await world.smtp.nthTo('bob.bonnet@durand.example', 3, 60_000);
    await world.relay.kill9();
    world.relay = await world.relay.restart();
    await world.setClock(new Date('2026-12-04T10:00:00Z'));
    await world.relay.stop();
    world.relay = await world.relay.restart();
    expect((await reminders(bob.id)).map((r) => r.key.split(':').slice(-2).join(':'))).toEqual(['2026-12-03:0', '2026-12-03:1']);
    expect(await mailKindsTo(world.relay.dataDir, 'bob.bonnet@durand.example')).toEqual(['notification.invitation', 'notification.action_due', 'notification.action_due']);
    // Carol, no longer a member, was not reminded.
    expect(await reminders(carol.id)).toEqual([]);
    expect(await mailKindsTo(world.relay.dataDir, 'carol.carre@durand.example')).toEqual(['notification.invitation']);
    const [left] = await queryStore<{ n: number }>(world.relay.dataDir, 'SELECT COUNT(*) AS n FROM action_items WHERE remind_at IS NOT NULL');
    expect(left!.n).toBe(0);
  }, 180_000);
});
