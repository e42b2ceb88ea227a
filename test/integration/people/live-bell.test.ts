import { describe, expect, it } from 'vitest';
import type { NoticeWait } from '#core/api/notifications';
import { addPerson, type Api } from '../../support/api.ts';
import { withMailOrganisation } from '../../support/mail-relay.ts';

/** The bell is live: a person's held wait is answered when a notice of theirs is written, not by a timer. */
let admin: Api;
withMailOrganisation(new Date('2026-12-01T09:00:00Z'), (_w, a) => {
  admin = a;
});

describe('the bell, live', () => {
  it('a held wait is answered changed as soon as a decision notice is written for that person', async () => {
    const bob = await addPerson(admin, 'Bob Martin');
    const first = await bob.api.ok<NoticeWait>('GET', '/api/me/notices/wait');
    expect(first.changed).toBe(false);
    expect((await bob.api.call('GET', '/api/me/notices/wait?after=x&more=1')).status).toBe(400);
    const held = bob.api.ok<NoticeWait>('GET', `/api/me/notices/wait?after=${encodeURIComponent(first.cursor)}`);
    const { id } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Lyon office', question: 'Where do we move the Lyon office?' });
    await admin.ok('POST', `/api/activities/${id}/members`, { userId: bob.id, role: 'contributor' });
    await admin.ok('POST', `/api/activities/${id}/decision`, { outcome: 'Part-Dieu.', rationale: 'Near the station.' });
    // Answered by the notice (a timeout would say changed: false).
    const woken = await held;
    expect(woken.changed).toBe(true);
    expect(woken.cursor).not.toBe(first.cursor);
    // A client that missed it is answered at once with its old cursor.
    expect((await bob.api.ok<NoticeWait>('GET', `/api/me/notices/wait?after=${encodeURIComponent(first.cursor)}`)).changed).toBe(true);
    const { notices } = await bob.api.ok<{ notices: unknown[] }>('GET', '/api/decision-notices');
    expect(notices).toHaveLength(1);
  });

  it('a notice written while nobody waited does not answer a wait begun after it: the wait goes on to the next one', async () => {
    const carol = await addPerson(admin, 'Carol Petit');
    const { id } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Lille office', question: 'Where do we move the Lille office?' });
    // Told she was added (a notice) while nobody waits: the relay has not looked at it yet.
    await admin.ok('POST', `/api/activities/${id}/members`, { userId: carol.id, role: 'contributor' });
    const { cursor } = await carol.api.ok<NoticeWait>('GET', '/api/me/notices/wait');
    const held = carol.api.ok<NoticeWait>('GET', `/api/me/notices/wait?after=${encodeURIComponent(cursor)}`);
    // Past the relay's next look (once a second while anyone waits), which finds that earlier notice.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await admin.ok('POST', `/api/activities/${id}/decision`, { outcome: 'Euralille.', rationale: 'Near both stations.' });
    const woken = await held;
    expect(woken).toMatchObject({ changed: true });
    expect(woken.cursor).not.toBe(cursor);
  });
});
