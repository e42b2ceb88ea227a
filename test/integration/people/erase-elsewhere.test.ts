import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invitation } from '#core/api/invitations';
import { Api, password, setUpOrganisation } from '../../support/api.ts';
import { erasureDone } from '../../support/erasure.ts';
import { bytesFound } from '../../support/file-bytes.ts';
import { startMailRelay, type MailRelay } from '../../support/mail-relay.ts';
import { linkToken } from '../../support/smtp.ts';
import { signUpOrganisation } from '../../support/organizations.ts';
import { publishedBox } from '../campaigns/support.ts';
import { engineOf, queryStore, whereStored } from '../../support/store-reader.ts';

/**
 * Erasing a person reaches what other organisations of the relay hold of their address
 * (README "Erasing a person"): Rival Company invited Bob's address (with his name and
 * number) before Maison Durand erased him, and he had signed up on Rival's public campaign
 * (and been told, trying again, that his address has an account). Once the erasure is done,
 * those invitations, the e-mails Rival sent to the address for no person of its own, and
 * the address's count of invitation e-mails are gone — the store holds
 * his name, e-mail and phone nowhere, and on SQLite no page of the file nor the WAL does —
 * while Rival's inviter sees only that the invitation is no longer there, as one would
 * not be had it never been sent; Rival's other invitations are untouched.
 */
const bob = { name: 'Bob Martin', email: 'bob.martin@durand.example', phone: '+33611223344' };
let world: MailRelay;
let durand: Api;
let rival: Api;

beforeAll(async () => {
  world = await startMailRelay(new Date('2026-12-01T09:00:00Z'), { CONCLAVE_SIGNUP: 'open' });
  durand = await setUpOrganisation(world.relay.url);
  rival = await signUpOrganisation(world.relay.url, 'Rival Company', 'Olga Outsider', 'olga@rival.example');
}, 120_000);

afterAll(async () => {
  await world?.close();
});

const invitationsOf = async (api: Api, status: 'pending' | 'all') =>
  (await api.ok<{ invitations: Invitation[] }>('GET', `/api/invitations?status=${status}`)).invitations.map((i) => `${i.email} ${i.status}`).sort();
const mailsOf = async (api: Api) => (await api.ok<{ messages: { to: string; kind: string }[] }>('GET', '/api/mail/messages')).messages.map((m) => `${m.kind} ${m.to}`).sort();

describe('erasing a person another organisation invited', () => {
  it('E4: Rival’s invitations to the erased address, their e-mails and its invitation count go; Rival sees them gone, its other invitations stay; no byte of the person is left', async () => {
    // Before he had an account, Bob signed up on Rival's public idea campaign and never opened the link; once he had one, he tried again.
    await publishedBox(rival, 'si-j-etais-rival', 'Si j’étais Rival…');
    const signUp = { name: bob.name, email: bob.email, password };
    expect((await new Api(world.relay.url).call('POST', '/api/public/idea-boxes/si-j-etais-rival/sign-up', signUp)).status).toBe(202);
    const { id: bobId } = await durand.ok<{ id: string }>('POST', '/api/users', { ...bob, phone: '+33 6 11 22 33 44', smsOptIn: true, password, role: 'member' });
    const { id: fair } = await rival.ok<{ id: string }>('POST', '/api/activities', { title: 'Trade fair', question: 'Which stand?' });
    // To the organisation, with his name and number (Rival has no consent for it: no SMS), and to an activity, withdrawn since.
    const toOrg = await rival.ok<{ sms: unknown }>('POST', '/api/invitations', { email: bob.email, name: bob.name, phone: bob.phone });
    expect(toOrg.sms).toEqual({ sent: false, reason: 'no_consent' });
    const toFair = await rival.ok<{ id: string }>('POST', '/api/invitations', { email: bob.email, name: bob.name, activityId: fair });
    await rival.ok('DELETE', `/api/invitations/${toFair.id}`);
    await rival.ok('POST', '/api/invitations', { email: 'zoe@rival.example', name: 'Zoé Ruiz' });
    expect((await new Api(world.relay.url).call('POST', '/api/public/idea-boxes/si-j-etais-rival/sign-up', signUp)).status).toBe(202);
    // His invitations to the organisation and to the fair (withdrawn since), sent in either order: the first, for the organisation, holds.
    await world.smtp.nthTo(bob.email, 4);
    const invitations = world.smtp.to(bob.email).filter((m) => m.text.includes('/#/invite/'));
    const toOrganisation = invitations.filter((m) => !m.text.includes('Trade fair'));
    expect([invitations.length, toOrganisation.length]).toEqual([2, 1]);
    const link = linkToken(toOrganisation[0]!.text, '/#/invite/');
    expect((await new Api(world.relay.url).call('GET', `/api/invitations/${link}/preview`)).status).toBe(200);

    const rivalSaw = { pending: await invitationsOf(rival, 'pending'), all: await invitationsOf(rival, 'all'), mails: await mailsOf(rival) };
    expect(rivalSaw.all).toEqual([`${bob.email} pending`, `${bob.email} revoked`, 'zoe@rival.example pending']);
    expect(rivalSaw.mails.filter((m) => m.endsWith(bob.email))).toEqual([
      `campaign-confirm ${bob.email}`,
      `campaign-existing ${bob.email}`,
      `invitation ${bob.email}`,
      `invitation ${bob.email}`,
    ]);
    expect(rivalSaw.mails).toContain('invitation zoe@rival.example');
    const hash = createHash('sha256').update(bob.email).digest('hex');
    const counted = () => queryStore<{ n: number }>(world.relay.dataDir, 'SELECT COUNT(*) AS n FROM invitation_mails WHERE address_hash = ?', [hash]);
    expect((await counted())[0]!.n).toBe(2);
    // Proof the searches find him before.
    const dir = world.relay.dataDir;
    expect(await whereStored(dir, bob.email)).toEqual(expect.arrayContaining(['invitations.email', 'mail_messages.to_address']));
    expect(await whereStored(dir, bob.phone)).toEqual(expect.arrayContaining(['invitations.phone', 'users.phone']));

    expect(await durand.ok('POST', `/api/users/${bobId}/erase`)).toEqual({ erased: true });
    await erasureDone(dir);

    // Rival: gone from the pending list and from all, as its e-mails; the rest as it was.
    expect(await invitationsOf(rival, 'pending')).toEqual(['zoe@rival.example pending']);
    expect(await invitationsOf(rival, 'all')).toEqual(['zoe@rival.example pending']);
    expect(await mailsOf(rival)).toEqual(rivalSaw.mails.filter((m) => !m.endsWith(bob.email)));
    // The link answers as one never sent.
    const preview = await new Api(world.relay.url).call<{ error: { code: string } }>('GET', `/api/invitations/${link}/preview`);
    expect([preview.status, preview.body.error.code]).toEqual([404, 'not_found']);
    expect((await counted())[0]!.n).toBe(0);

    for (const needle of [bob.name, bob.email, bob.phone]) expect(await whereStored(dir, needle)).toEqual([]);
    if (engineOf(dir) === 'sqlite') for (const needle of [bob.name, bob.email, bob.phone]) expect(await bytesFound(dir, needle)).toEqual([]);
  }, 120_000);
});
