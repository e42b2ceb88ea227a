import { describe, expect, it } from 'vitest';
import { Api, password } from '../../support/api.ts';
import { erasureDone } from '../../support/erasure.ts';
import { bytesFound } from '../../support/file-bytes.ts';
import { withMailOrganisation, type MailRelay } from '../../support/mail-relay.ts';
import { waitUntil } from '../../support/sms.ts';
import { engineOf, queryStore, whereStored } from '../../support/store-reader.ts';

/**
 * Erasing a person reaches what their organisation holds of their number from before it was
 * theirs in the relay's eyes: Bob texted START to the organisation's number, so he was
 * invited with the link by SMS too (the number had agreed), then accepted with that number.
 * The START he sent, its confirmation and the invitation's SMS copy were stored for a number
 * that was no one's — and stayed, number and all, after the erasure. Now the number is
 * nowhere in the store, nor on SQLite in any page of the file or the WAL.
 */
let world: MailRelay;
let admin: Api;
withMailOrganisation(new Date('2026-12-01T09:00:00Z'), (w, a) => {
  world = w;
  admin = a;
});

const bob = { name: 'Bob Martin', email: 'bob.martin@durand.example', phone: '+33611223344' };

describe('erasing a person whose number was known before it was theirs', () => {
  it('E4: the SMS from and to the number before it was the person’s go with them', async () => {
    await admin.ok('POST', '/api/sms/outbox/replies', { from: bob.phone, text: 'START' });
    const invited = await admin.ok<{ sms: unknown }>('POST', '/api/invitations', { email: bob.email, name: bob.name, phone: bob.phone });
    expect(invited.sms).toEqual({ sent: true, reason: null });
    const token = await world.smtp.tokenTo(bob.email, '/#/invite/');
    await new Api(world.relay.url).ok('POST', `/api/invitations/${token}/accept`, { name: bob.name, password, phone: bob.phone, smsOptIn: true });
    const [{ id: bobId } = { id: '' }] = await queryStore<{ id: string }>(world.relay.dataDir, 'SELECT id FROM users WHERE email = ?', [bob.email]);
    const dir = world.relay.dataDir;
    const unowned = () => queryStore<{ kind: string }>(dir, 'SELECT kind FROM sms_messages WHERE to_phone = ? AND user_id IS NULL ORDER BY seq', [bob.phone]);
    // Proof the search finds the number where no person was named: the START's confirmation, the invitation's copy, the START itself.
    await waitUntil(async () => (await unowned()).length === 2, 'the confirmation and the invitation’s SMS');
    expect((await unowned()).map((m) => m.kind)).toEqual([expect.stringMatching(/start/i), 'invitation']);
    expect(await whereStored(dir, bob.phone)).toEqual(expect.arrayContaining(['sms_messages.to_phone', 'sms_inbound.from_phone']));

    expect(await admin.ok('POST', `/api/users/${bobId}/erase`)).toEqual({ erased: true });
    await erasureDone(dir);
    expect(await whereStored(dir, bob.phone)).toEqual([]);
    if (engineOf(dir) === 'sqlite') expect(await bytesFound(dir, bob.phone)).toEqual([]);
    // The organisation keeps that SMS went and when, as for any erased person's.
    expect(await queryStore<{ n: number }>(dir, "SELECT COUNT(*) AS n FROM sms_messages WHERE to_phone = '[erased]'")).toEqual([{ n: 2 }]);
  }, 120_000);
});
