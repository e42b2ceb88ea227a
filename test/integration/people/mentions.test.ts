import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import type { NoticeWait } from '#core/api/notifications';
import { addComment, editComment } from '#core/doc/comments';
import { addPerson, type Api } from '../../support/api.ts';
import { withMailOrganisation, type MailRelay } from '../../support/mail-relay.ts';
import { mailKindsTo, noticesOf } from '../../support/notices.ts';
import { queryStore } from '../../support/store-reader.ts';
import { connectClient, synced, type SyncClient } from '../../support/sync-client.ts';

/**
 * Mentions (README "Notifications"): a person @-mentioned in a comment written live with a
 * stock y-websocket client hears of it once — in the bell, pushed live, and by e-mail as
 * they chose — in their language; editing the comment tells only whom the new version
 * adds; nobody is told of their own mention, and nobody outside the activity is told
 * anything, nor learns that it exists.
 */
let world: MailRelay;
let admin: Api;
withMailOrganisation(new Date('2026-12-01T09:00:00Z'), (w, a) => {
  world = w;
  admin = a;
});
const open: SyncClient[] = [];
afterAll(() => {
  for (const c of open) c.destroy();
});

const body = (text: string, mentions: string[]) => ({ body: JSON.stringify({ root: text }), text, mentions });
/** Their mention notices (being added to the activity gave each an `invitation` notice before). */
const mentionsOf = async (api: Api) => (await noticesOf(api)).filter((n) => n.kind === 'mentioned');

describe('mentions in comments', () => {
  it('tell the mentioned member once (bell, live, and e-mail), never the author nor a non-member', async () => {
    const fabien = await addPerson(admin, 'Fabien Facile');
    const bob = await addPerson(admin, 'Bob Bonnet');
    const carol = await addPerson(admin, 'Carol Carre');
    const dan = await addPerson(admin, 'Dan Dehors');
    await bob.api.ok('PATCH', '/api/me', { language: 'en' });
    const { id } = await fabien.api.ok<{ id: string }>('POST', '/api/activities', { title: 'Canteen menu', question: 'Which caterer from January?' });
    await fabien.api.ok('POST', `/api/activities/${id}/members`, { userId: bob.id, role: 'contributor' });
    await fabien.api.ok('POST', `/api/activities/${id}/members`, { userId: carol.id, role: 'viewer' });
    // Added to the activity: each is told of that in the bell and by e-mail (the invitation kind), before any mention.
    await world.smtp.nthTo('bob.bonnet@durand.example');
    await world.smtp.nthTo('carol.carre@durand.example');

    const first = await bob.api.ok<NoticeWait>('GET', '/api/me/notices/wait');
    const held = bob.api.ok<NoticeWait>('GET', `/api/me/notices/wait?after=${encodeURIComponent(first.cursor)}`);
    const client = await connectClient(fabien.api, id, new Y.Doc());
    open.push(client);
    await synced(client);
    const author = { id: fabien.id, name: 'Fabien Facile' };
    addComment(client.doc, {
      id: 'comment-menu-1',
      author,
      at: new Date('2026-12-01T09:05:00Z'),
      ...body('@Bob Bonnet @Dan Dehors @Fabien Facile which caterer did the Lyon site keep?', [bob.id, dan.id, fabien.id]),
    });

    // The bell is pushed: Bob's held wait is answered by the notice.
    expect((await held).changed).toBe(true);
    const [notice, ...more] = await mentionsOf(bob.api);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ kind: 'mentioned', activityId: id, activityTitle: 'Canteen menu', actorName: 'Fabien Facile', subjectId: 'comment-menu-1', readAt: null });
    expect(notice!.about).toContain('which caterer did the Lyon site keep?');
    const mail = await world.smtp.nthTo('bob.bonnet@durand.example', 2);
    expect(mail.subject).toBe('Fabien Facile mentioned you in “Canteen menu”');
    expect(mail.text).toContain('which caterer did the Lyon site keep?');
    expect(mail.text).toContain(`/#/activities/${id}`);

    // A new version of the same comment, still naming Bob, now naming Carol too: only Carol is told.
    editComment(client.doc, 'comment-menu-1', fabien.id, body('@Bob Bonnet @Carol Carre which caterer did Lyon keep?', [bob.id, carol.id]), new Date('2026-12-01T09:06:00Z'));
    const toCarol = await world.smtp.nthTo('carol.carre@durand.example', 2);
    expect(toCarol.subject).toBe('Fabien Facile vous a mentionné dans « Canteen menu »');
    expect((await noticesOf(carol.api)).map((n) => n.kind)).toEqual(['mentioned', 'invitation']);
    expect((await noticesOf(bob.api)).map((n) => n.kind)).toEqual(['mentioned', 'invitation']);
    expect(await mailKindsTo(world.relay.dataDir, 'bob.bonnet@durand.example')).toEqual(['notification.invitation', 'notification.mentioned']);

    // A version that reaches the relay more than a week after it was written (offline, or the
    // relay writing old versions again) is not announced; a fresh one after it is.
    addComment(client.doc, { id: 'comment-old', author, at: new Date('2026-11-20T09:00:00Z'), ...body('@Carol Carre written long ago', [carol.id]) });
    addComment(client.doc, { id: 'comment-new', author, at: new Date('2026-12-01T09:10:00Z'), ...body('@Bob Bonnet and one more thing', [bob.id]) });
    await world.smtp.nthTo('bob.bonnet@durand.example', 3);
    expect((await mentionsOf(bob.api)).map((n) => n.subjectId)).toEqual(['comment-new', 'comment-menu-1']);
    expect((await mentionsOf(carol.api)).map((n) => n.subjectId)).toEqual(['comment-menu-1']);

    // Not the author, and nothing at all for the person outside the activity.
    expect(await noticesOf(fabien.api)).toEqual([]);
    expect(await noticesOf(dan.api)).toEqual([]);
    expect(world.smtp.to('dan.dehors@durand.example')).toEqual([]);
    expect(world.smtp.to('fabien.facile@durand.example')).toEqual([]);
    expect(await queryStore(world.relay.dataDir, 'SELECT 1 FROM activity_notices WHERE user_id = ?', [dan.id])).toEqual([]);

    // Read once opened; someone else's notice is not theirs to mark.
    expect((await dan.api.call('POST', `/api/me/notices/${notice!.id}/read`)).status).toBe(404);
    await bob.api.ok('POST', `/api/me/notices/${notice!.id}/read`);
    expect((await noticesOf(bob.api)).find((n) => n.id === notice!.id)!.readAt).not.toBeNull();
  });
});
