import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoticeWait } from '#core/api/notifications';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { startMailRelay, type MailRelay } from '../../support/mail-relay.ts';
import { mailKindsTo, noticesOf } from '../../support/notices.ts';
import { queryStore } from '../../support/store-reader.ts';

/**
 * Vote notices (README "Notifications") on a real relay, SMTP on loopback, and the relay's
 * clock moved by the test (CONCLAVE_FAKE_CLOCK_FILE): a poll opening tells everyone who
 * may vote but its author — bell, pushed live, and e-mail in their language; 24 h before
 * the deadline (halfway for a shorter poll) those who have not voted are reminded, once,
 * across restarts and a kill -9; those who voted, viewers and outsiders hear nothing.
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

const stored = (kind: string, pollId: string) =>
  queryStore<{ user_id: string }>(world.relay.dataDir, 'SELECT user_id FROM activity_notices WHERE kind = ? AND subject_id = ? ORDER BY user_id', [kind, pollId]);
const mailKinds = (email: string) => mailKindsTo(world.relay.dataDir, email);

describe('vote notices', () => {
  it('a poll opening tells who may vote; 24 h before its deadline only those who have not voted are reminded, once, across restarts', async () => {
    const fabien = await addPerson(admin, 'Fabien Facile');
    const bob = await addPerson(admin, 'Bob Bonnet');
    const carol = await addPerson(admin, 'Carol Carre');
    const vera = await addPerson(admin, 'Vera Vue');
    const dan = await addPerson(admin, 'Dan Dehors');
    await bob.api.ok('PATCH', '/api/me', { language: 'en' });
    const { id: activityId } = await fabien.api.ok<{ id: string }>('POST', '/api/activities', { title: 'Canteen menu', question: 'Which caterer from January?' });
    for (const [who, role] of [
      [bob, 'contributor'],
      [carol, 'contributor'],
      [vera, 'viewer'],
    ] as const) {
      await fabien.api.ok('POST', `/api/activities/${activityId}/members`, { userId: who.id, role });
    }
    // Mail after a driven clock or a restart may take a while on a loaded machine: each wait has 60 s.
    // Told of being added (bell and e-mail); then Bob's client waits on the bell.
    await world.smtp.nthTo('bob.bonnet@durand.example', 1, 60_000);
    const { cursor } = await bob.api.ok<NoticeWait>('GET', '/api/me/notices/wait');
    const held = bob.api.ok<NoticeWait>('GET', `/api/me/notices/wait?after=${encodeURIComponent(cursor)}`);

    const { id: pollId } = await fabien.api.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, {
      kind: 'single',
      question: 'Which caterer?',
      options: ['Dupont', 'Martin'],
      rule: 'plurality',
      deadline: '2026-12-04T09:00:00Z',
      anonymous: true,
    });
    // Opening: the bell is pushed, and the e-mail goes in each person's language.
    expect((await held).changed).toBe(true);
    expect((await noticesOf(bob.api)).map((n) => [n.kind, n.about, n.actorName, n.deadline])).toEqual([
      ['vote_opening', 'Which caterer?', 'Fabien Facile', '2026-12-04T09:00:00.000Z'],
      ['invitation', null, 'Fabien Facile', null],
    ]);
    const toBob = await world.smtp.nthTo('bob.bonnet@durand.example', 2, 60_000);
    expect(toBob.subject).toBe('Vote open: Which caterer?');
    expect(toBob.text).toContain('You can vote until');
    expect((await world.smtp.nthTo('carol.carre@durand.example', 2, 60_000)).subject).toBe('Vote ouvert : Which caterer?');
    // Who may vote, but not its author; not the viewer, not the outsider.
    expect((await stored('vote_opening', pollId)).map((r) => r.user_id)).toEqual([bob.id, carol.id].sort());
    expect((await noticesOf(vera.api)).map((n) => n.kind)).toEqual(['invitation']);
    expect(await noticesOf(dan.api)).toEqual([]);
    expect(await noticesOf(fabien.api)).toEqual([]);

    // Bob votes; the relay is killed, then restarted: the reminder is in the store, not in a timer.
    await bob.api.ok('POST', `/api/polls/${pollId}/votes`, { choice: 'Dupont' });
    await world.relay.kill9();
    world.relay = await world.relay.restart();
    await world.setClock(new Date('2026-12-03T08:59:00Z'));
    await world.relay.stop();
    world.relay = await world.relay.restart();
    expect(await stored('vote_closing', pollId)).toEqual([]);

    // 24 h before the deadline: Carol and Fabien (who may vote and have not) are reminded; Bob, who voted, is not.
    await world.setClock(new Date('2026-12-03T09:00:01Z'));
    const toCarol = await world.smtp.nthTo('carol.carre@durand.example', 3, 60_000);
    expect(toCarol.subject).toBe('Le vote se termine bientôt : Which caterer?');
    expect(toCarol.text).toContain('Vous n’avez pas encore voté');
    expect(toCarol.text).not.toContain('Bob');
    await world.smtp.nthTo('fabien.facile@durand.example', 1, 60_000);
    expect((await stored('vote_closing', pollId)).map((r) => r.user_id)).toEqual([carol.id, fabien.id].sort());
    expect((await noticesOf(carol.api)).map((n) => n.kind)).toEqual(['vote_closing', 'vote_opening', 'invitation']);
    expect((await noticesOf(bob.api)).map((n) => n.kind)).toEqual(['vote_opening', 'invitation']);
    const [round] = await queryStore<{ remind_at: string; reminded_at: string | null }>(world.relay.dataDir, 'SELECT remind_at, reminded_at FROM poll_rounds WHERE poll_id = ?', [pollId]);
    expect(round!.remind_at).toBe('2026-12-03T09:00:00.000Z');
    expect(round!.reminded_at! >= '2026-12-03T09:00:01').toBe(true);

    // Once: after another restart, a 12-hour poll (reminded halfway) is reminded, and the first is not again.
    await world.relay.stop();
    world.relay = await world.relay.restart();
    await world.setClock(new Date('2026-12-03T12:00:00Z'));
    const { id: shortId } = await fabien.api.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, {
      kind: 'single',
      question: 'Lunch at noon or one?',
      options: ['Noon', 'One'],
      rule: 'plurality',
      deadline: '2026-12-04T00:00:00Z',
    });
    await world.smtp.nthTo('carol.carre@durand.example', 4, 60_000);
    const [short] = await queryStore<{ opened_at: string; remind_at: string; deadline: string }>(world.relay.dataDir, 'SELECT opened_at, remind_at, deadline FROM poll_rounds WHERE poll_id = ?', [shortId]);
    const [opened, remind, deadline] = [short!.opened_at, short!.remind_at, short!.deadline].map((t) => Date.parse(t));
    expect(Math.abs(2 * remind! - opened! - deadline!)).toBeLessThanOrEqual(1);
    await world.setClock(new Date('2026-12-03T17:59:00Z'));
    expect(await stored('vote_closing', shortId)).toEqual([]);
    await world.setClock(new Date('2026-12-03T18:00:30Z'));
    expect((await world.smtp.nthTo('carol.carre@durand.example', 5, 60_000)).subject).toBe('Le vote se termine bientôt : Lunch at noon or one?');
    await world.smtp.nthTo('bob.bonnet@durand.example', 4, 60_000);
    expect(await mailKinds('carol.carre@durand.example')).toEqual([
      'notification.invitation',
      'notification.vote_opening',
      'notification.vote_closing',
      'notification.vote_opening',
      'notification.vote_closing',
    ]);
    expect((await stored('vote_closing', pollId)).map((r) => r.user_id)).toEqual([carol.id, fabien.id].sort());
    expect(await mailKinds('bob.bonnet@durand.example')).toEqual(['notification.invitation', 'notification.vote_opening', 'notification.vote_opening', 'notification.vote_closing']);
    expect(await mailKinds('vera.vue@durand.example')).toEqual(['notification.invitation']);
    expect(world.smtp.to('dan.dehors@durand.example')).toEqual([]);
  }, 300_000);
});
