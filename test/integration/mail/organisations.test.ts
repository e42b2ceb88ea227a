import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { password, setUpOrganisation, type Api } from '../../support/api.ts';
import { startMailRelay, type MailRelay } from '../../support/mail-relay.ts';
import { signUpOrganisation } from '../../support/organizations.ts';
import { queryStore } from '../../support/store-reader.ts';

/**
 * E-mail across organisations (README "SMS across organisations", e-mail): two
 * organisations on one relay sending through SMTP on loopback, with the reply listener.
 * Each administrator's mail outbox holds its own organisation's e-mails only, and a reply
 * reaches the organisation of the e-mail it answers, by that e-mail's reply address —
 * whichever organisation came first.
 */
const inboundPort = 9631;
type Listed = { messages: { id: string; to: string; kind: string }[] };
type Recipient = { userId: string; acknowledgedAt: string | null; acknowledgedVia: string | null };

interface Org {
  admin: Api;
  member: { id: string; email: string; replyTo: string };
  decisionUrl: string;
}

let world: MailRelay;
const orgs = {} as Record<'durand' | 'rival', Org>;

async function withDecision(world: MailRelay, admin: Api, email: string): Promise<Org> {
  const { id } = await admin.ok<{ id: string }>('POST', '/api/users', { name: 'Member', email, password, role: 'member' });
  const { id: activity } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Office', question: 'Where do we move the office?' });
  await admin.ok('POST', `/api/activities/${activity}/members`, { userId: id, role: 'contributor' });
  const decisionUrl = `/api/activities/${activity}/decision`;
  await admin.ok('POST', decisionUrl, { outcome: 'The tower.', rationale: 'Near the station.' });
  await world.smtp.nthTo(email, 2);
  const mail = world.smtp.to(email).find((m) => /cision/.test(m.subject))!;
  return { admin, member: { id, email, replyTo: String(mail.parsed.replyTo?.value[0]?.address ?? '') }, decisionUrl };
}

async function reply(from: string, to: string, text: string) {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: inboundPort, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ from, to, subject: 'Re: Décision', text });
  } finally {
    transport.close();
  }
}

const recipient = async (org: Org) => (await org.admin.ok<{ recipients: Recipient[] }>('GET', org.decisionUrl)).recipients.find((r) => r.userId === org.member.id)!;

beforeAll(async () => {
  world = await startMailRelay(new Date('2026-12-06T09:00:00Z'), {
    CONCLAVE_SIGNUP: 'open',
    MAIL_INBOUND_PORT: String(inboundPort),
    MAIL_INBOUND_ADDRESS: 'reply@durand.example',
  });
  const durand = await setUpOrganisation(world.relay.url);
  const rival = await signUpOrganisation(world.relay.url, 'Rival Company', 'Olga Outsider', 'olga@rival.example');
  orgs.durand = await withDecision(world, durand, 'dora@durand.example');
  orgs.rival = await withDecision(world, rival, 'rita@rival.example');
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe('e-mail across organisations', () => {
  it("an administrator's mail outbox lists, opens and retries only their organisation's e-mails", async () => {
    const durand = await orgs.durand.admin.ok<Listed>('GET', '/api/mail/messages?limit=200');
    const rival = await orgs.rival.admin.ok<Listed>('GET', '/api/mail/messages?limit=200');
    expect(rival.messages.map((m) => m.to)).toContain('rita@rival.example');
    expect(rival.messages.map((m) => m.to)).not.toContain('dora@durand.example');
    expect(durand.messages.map((m) => m.to)).not.toContain('rita@rival.example');
    const theirs = rival.messages[0]!.id;
    expect((await orgs.durand.admin.call('GET', `/api/mail/messages/${theirs}`)).status).toBe(404);
    expect((await orgs.durand.admin.call('POST', `/api/mail/messages/${theirs}/retry`)).status).toBe(404);
    const history = await queryStore<{ n: number }>(world.relay.dataDir, 'SELECT COUNT(*) AS n FROM mail_history WHERE message_id = ? AND detail LIKE ?', [theirs, '%administrator%']);
    expect(history).toEqual([{ n: 0 }]);
  });

  it('a reply reaches the organisation of the e-mail it answers (the second organisation), never another', async () => {
    await reply(orgs.rival.member.email, orgs.rival.member.replyTo, 'OK');
    expect(await recipient(orgs.rival)).toMatchObject({ acknowledgedVia: 'email' });
    expect((await recipient(orgs.durand)).acknowledgedAt).toBeNull();
    // Durand's member answering with Rival's reply address changes nothing anywhere.
    await reply(orgs.durand.member.email, orgs.rival.member.replyTo, 'OK').catch(() => undefined);
    expect((await recipient(orgs.durand)).acknowledgedAt).toBeNull();
  });
});
