import { createServer, type AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readComments } from '#core/doc/comments';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { startMailRelay, type MailRelay } from '../../support/mail-relay.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

/**
 * Replies to notification e-mails (README "E-mail replies"), on a real relay whose SMTP
 * listener takes them on loopback: "OK" to a decision's e-mail acknowledges it, anything
 * else becomes the person's comment, seen live by a stock y-websocket client; forged,
 * unknown, oversize and crowded messages are refused and change nothing.
 */
const perHour = 6;
const maxBytes = 20_000;

let world: MailRelay;
let inboundPort: number;
let fabien: Api;
let activity: string;
let decisionUrl: string;
const people: Record<'chloe' | 'dan' | 'eve', { id: string; api: Api; email: string; replyTo: string }> = {} as never;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Sends a message to the relay's listener as any mail program would; the SMTP error, if any, is returned. */
async function reply(input: { from: string; to: string | string[]; text: string; envelopeFrom?: string; headers?: Record<string, string>; messageId?: string }) {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: inboundPort, secure: false, ignoreTLS: true });
  try {
    const info = await transport.sendMail({
      from: input.from,
      to: input.to,
      subject: 'Re: Décision : Lyon office',
      text: input.text,
      headers: input.headers,
      ...(input.messageId ? { messageId: input.messageId } : {}),
      ...(input.envelopeFrom !== undefined ? { envelope: { from: input.envelopeFrom, to: input.to } } : {}),
    });
    return { accepted: info.accepted.map(String), rejected: info.rejected.map(String), code: null };
  } catch (err) {
    return { accepted: [], rejected: [], code: (err as { responseCode?: number }).responseCode ?? -1 };
  } finally {
    transport.close();
  }
}

type Recipient = { userId: string; acknowledgedAt: string | null; acknowledgedVia: string | null };
const recipients = async () => (await fabien.ok<{ recipients: Recipient[] }>('GET', decisionUrl)).recipients;
const recipientOf = async (id: string) => (await recipients()).find((r) => r.userId === id);

beforeAll(async () => {
  inboundPort = await freePort();
  world = await startMailRelay(new Date('2026-12-01T15:00:00Z'), {
    MAIL_INBOUND_PORT: String(inboundPort),
    MAIL_INBOUND_ADDRESS: 'reply@durand.example',
    MAIL_INBOUND_MAX_BYTES: String(maxBytes),
    MAIL_INBOUND_PER_HOUR: String(perHour),
  });
  const admin = await setUpOrganisation(world.relay.url);
  ({ api: fabien } = await addPerson(admin, 'Fabien Facilitateur'));
  ({ id: activity } = await fabien.ok<{ id: string }>('POST', '/api/activities', { title: 'Lyon office', question: 'Where do we move the Lyon office?' }));
  decisionUrl = `/api/activities/${activity}/decision`;
  for (const name of ['Chloe', 'Dan', 'Eve'] as const) {
    const person = await addPerson(admin, `${name} Martin`);
    await fabien.ok('POST', `/api/activities/${activity}/members`, { userId: person.id, role: 'contributor' });
    people[name.toLowerCase() as 'chloe'] = { ...person, email: `${name.toLowerCase()}.martin@durand.example`, replyTo: '' };
  }
  await fabien.ok('POST', decisionUrl, { outcome: 'We move to the Part-Dieu tower.', rationale: 'Closest to the station.' });
  for (const p of Object.values(people)) {
    // The first e-mail said they were added to the activity; the decision's is the second.
    await world.smtp.nthTo(p.email, 2);
    const mail = world.smtp.to(p.email).find((m) => m.subject.startsWith('Décision'))!;
    p.replyTo = String((mail.parsed.replyTo?.value[0]?.address ?? ''));
    expect(p.replyTo).toMatch(/^reply\+[A-Za-z0-9_-]{43}@durand\.example$/);
    expect(mail.text).toContain('OK');
  }
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe('replies to notification e-mails', () => {
  it('a reply "OK" to the decision e-mail acknowledges it, by e-mail', async () => {
    const { chloe } = people;
    expect((await recipientOf(chloe.id))?.acknowledgedAt).toBeNull();
    const sent = await reply({ from: `Chloe Martin <${chloe.email}>`, to: chloe.replyTo, text: 'OK\n\nOn Tue, 1 Dec 2026, Conclave wrote:\n> Decision: Lyon office' });
    expect(sent).toMatchObject({ code: null, accepted: [chloe.replyTo] });
    expect(await recipientOf(chloe.id)).toMatchObject({ acknowledgedAt: expect.any(String), acknowledgedVia: 'email' });
  });

  it('any other reply becomes that person’s comment in the activity, seen live by a y-websocket client', async () => {
    const { dan } = people;
    let client: SyncClient | null = null;
    try {
      client = await connectClient(fabien, activity);
      await synced(client);
      const doc = client.doc;
      const sent = await reply({
        from: dan.email,
        to: dan.replyTo,
        text: 'I would rather wait for the Lyon figures.\n\nLe mar. 1 déc. 2026, Conclave a écrit :\n> Décision : Lyon office',
      });
      expect(sent.code).toBeNull();
      await waitFor(() => readComments(doc).length > 0, 10_000, 'the comment');
      const [comment] = readComments(doc);
      expect(comment).toMatchObject({ authorId: dan.id, authorName: 'Dan Martin' });
      expect(comment?.versions[0]).toMatchObject({ text: 'I would rather wait for the Lyon figures.', by: dan.id });
      // Not an acknowledgement.
      expect((await recipientOf(dan.id))?.acknowledgedAt).toBeNull();
    } finally {
      client?.destroy();
    }
  });

  it('the same message delivered twice (same Message-ID) becomes one comment; another message with the same words, a second one', async () => {
    const { chloe } = people;
    const words = 'Could we visit the Part-Dieu floor before we sign?';
    const first = { from: chloe.email, to: chloe.replyTo, text: words, messageId: '<retry-1@mail.chloe.example>' };
    // A mail server that missed the 250 delivers again, with the same Message-ID.
    expect((await reply(first)).code).toBeNull();
    expect((await reply(first)).code).toBeNull();
    expect((await reply({ ...first, messageId: '<another-2@mail.chloe.example>' })).code).toBeNull();
    let client: SyncClient | null = null;
    try {
      client = await connectClient(fabien, activity);
      await synced(client);
      const hers = readComments(client.doc).filter((c) => c.authorId === chloe.id && c.versions[0]?.text === words);
      expect(hers).toHaveLength(2);
    } finally {
      client?.destroy();
    }
  });

  it('a forged sender without a valid token, or a valid token from someone else, is refused and changes nothing', async () => {
    const { eve, chloe } = people;
    const before = await recipients();
    const forgedToken = eve.replyTo.replace(/\+[^@]+@/, `+${'A'.repeat(43)}@`);
    expect((await reply({ from: eve.email, to: forgedToken, text: 'OK' })).code).toBe(550);
    expect((await reply({ from: eve.email, to: 'reply@durand.example', text: 'OK' })).code).toBe(550);
    expect((await reply({ from: eve.email, to: `reply+${eve.id}@durand.example`, text: 'OK' })).code).toBe(550);
    // Eve's real address token, but the From is Chloe's: refused.
    expect((await reply({ from: chloe.email, to: eve.replyTo, text: 'OK' })).code).toBe(550);
    expect(await recipients()).toEqual(before);
    expect((await recipientOf(eve.id))?.acknowledgedAt).toBeNull();
  });

  it('an oversize reply, or one to several reply addresses at once, is refused and changes nothing', async () => {
    const { eve, dan } = people;
    const before = await recipients();
    expect((await reply({ from: eve.email, to: eve.replyTo, text: `OK\n${'x'.repeat(maxBytes + 1_000)}` })).code).toBe(552);
    const crowded = await reply({ from: eve.email, to: [eve.replyTo, dan.replyTo], text: 'Fine.' });
    // Only one recipient is taken: the second is refused at RCPT and told nothing of it.
    expect(crowded.rejected).toEqual([dan.replyTo]);
    expect(await recipients()).toEqual(before);
  });

  it('automatic replies are taken and dropped; a sender past its hourly count is told to wait', async () => {
    const { eve } = people;
    const before = await recipients();
    expect((await reply({ from: eve.email, to: eve.replyTo, text: 'OK', headers: { 'Auto-Submitted': 'auto-replied' } })).code).toBeNull();
    expect(await recipients()).toEqual(before);
    const codes: (number | null)[] = [];
    for (let i = 0; i < perHour + 1; i++) {
      codes.push((await reply({ from: 'flood@elsewhere.example', to: `reply+${'B'.repeat(43)}@durand.example`, text: 'spam' })).code);
    }
    expect(codes.slice(0, perHour)).toEqual(Array(perHour).fill(550));
    expect(codes[perHour]).toBe(450);
    expect(await recipients()).toEqual(before);
  });
});
