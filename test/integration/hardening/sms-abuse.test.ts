import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { seedStore } from '../../support/seed.ts';
import { addSmsMember, waitUntil } from '../../support/sms.ts';

interface Listed {
  id: string;
  to: string;
  text: string;
  kind: string;
}

/**
 * Issue 11, finding 11 on the real relay (outbox provider): SMS to many people go only
 * from those the organisation allows, within a daily quota per sender; an idea's status
 * texts its author at most once a day; STOP/HELP/START confirmations are metered, for
 * unknown numbers most of all; bidi controls never reach a phone.
 */
describe('SMS cannot be abused', () => {
  let relay: RelayProcess;
  let admin: Api;
  let mia: Api;
  const members: { id: string; phone: string }[] = [];

  beforeAll(async () => {
    relay = await startRelayProcess({ env: { SMS_CONFIRMATIONS_PER_NUMBER_DAILY: '3', SMS_CONFIRMATIONS_UNKNOWN_DAILY: '10' } });
    admin = await setUpOrganisation(relay.url);
    await admin.ok('PATCH', '/api/sms/settings', { quietStart: '00:00', quietEnd: '00:00' });
    mia = (await addPerson(admin, 'Mia Member')).api;
    for (const [i, name] of ['Bob Martin', 'Carol Petit', 'Dan Roux'].entries()) {
      const phone = `+3361234560${i}`;
      members.push({ id: (await addSmsMember(admin, name, phone)).id, phone });
    }
  });

  afterAll(async () => {
    await relay?.stop();
    if (relay) await removeDataDir(relay.dataDir);
  });

  const sent = async (query: Record<string, string> = {}) =>
    (await admin.ok<{ messages: Listed[] }>('GET', `/api/sms/messages?${new URLSearchParams({ limit: '200', ...query }).toString()}`)).messages;

  const publishAs = async (api: Api, title: string) => {
    const { id } = await api.ok<{ id: string }>('POST', '/api/activities', { title, question: 'Do we open on Sundays?' });
    for (const m of members) await api.ok('POST', `/api/activities/${id}/members`, { userId: m.id, role: 'contributor' });
    await api.ok('POST', `/api/activities/${id}/decision`, { outcome: 'We open on Sundays.', rationale: 'Customers asked.' });
    return waitUntil(async () => {
      const { recipients } = await api.ok<{ recipients: { userId: string; sms: { status: string } | null }[] }>('GET', `/api/activities/${id}/decision`);
      const mine = recipients.filter((r) => members.some((m) => m.id === r.userId));
      return mine.every((r) => r.sms) ? mine.map((r) => r.sms?.status) : null;
    }, 'the decision SMS bookkeeping');
  };

  it('a member who may not text many publishes a decision without SMS; once the organisation lets facilitators, it goes', async () => {
    expect(await publishAs(mia, 'Sundays')).toEqual(['sender_not_allowed', 'sender_not_allowed', 'sender_not_allowed']);
    expect(await sent({ kind: 'decisions.published' })).toEqual([]);
    await admin.ok('PATCH', '/api/sms/settings', { massSms: 'facilitators' });
    expect((await publishAs(mia, 'Sundays again')).filter((s) => s === 'sender_not_allowed')).toEqual([]);
    expect(await sent({ kind: 'decisions.published' })).toHaveLength(3);
  });

  it("a sender's SMS stop at the organisation's daily quota, with a clear refusal", async () => {
    await admin.ok('PATCH', '/api/sms/settings', { senderDailyLimit: 2 });
    const tries = [];
    for (let i = 0; i < 3; i++) tries.push(await admin.call<{ error?: { message: string } }>('POST', '/api/sms/messages', { to: members[0]?.phone, text: `Test ${i}` }));
    expect(tries.map((t) => t.status)).toEqual([201, 201, 429]);
    expect(tries[2]?.body.error?.message).toMatch(/2 SMS a day/);
    expect(tries[2]?.body).toMatchObject({ error: { code: 'rate_limited' } });
    // The quota is each sender's: the administrator's spent day leaves Fred, who sent nothing yet,
    // his 2 (of his decision's 3 recipients, the third is refused).
    const fred = (await addPerson(admin, 'Fred Facilitator')).api;
    const freds = await publishAs(fred, 'Sundays, quota').finally(() => admin.ok('PATCH', '/api/sms/settings', { senderDailyLimit: 1000 }));
    expect(freds.filter((s) => s === 'sender_quota')).toHaveLength(1);
  });

  it('an idea bounced between statuses texts its author once that day', async () => {
    const author = members[1];
    if (!author) throw new Error('no author');
    const { id: boxId } = await admin.ok<{ id: string }>('POST', '/api/activities', { kind: 'ideas', title: 'Ideas', question: 'What would you change?', categories: ['Shop'] });
    await admin.ok('POST', `/api/activities/${boxId}/members`, { userId: author.id, role: 'contributor' });
    const { token } = await admin.as('').ok<{ token: string }>('POST', '/api/session', { email: 'carol.petit@durand.example', password: 'correct horse battery staple' });
    const { id: ideaId } = await admin.as(token).ok<{ id: string }>('POST', `/api/activities/${boxId}/ideas`, { title: 'Open later', text: 'Until 9 pm.', category: 'Shop' });
    for (const [status, reason] of [['under_study', undefined], ['declined', 'Too costly'], ['under_study', 'Again'], ['declined', 'Still costly'], ['under_study', 'Once more']] as const) {
      await admin.ok('POST', `/api/ideas/${ideaId}/status`, reason ? { status, reason } : { status });
    }
    const history = await waitUntil(async () => {
      const { history: h } = await admin.ok<{ history: { sms: string | null }[] }>('GET', `/api/ideas/${ideaId}`);
      return h.every((c) => c.sms !== null) ? h : null;
    }, 'the idea SMS bookkeeping');
    expect(history).toHaveLength(5);
    expect(await sent({ kind: 'ideas.status' })).toHaveLength(1);
  });

  it('HELP, STOP and START are answered at most 3 times a day per number, and 10 times a day for unknown numbers', async () => {
    const known = members[2]?.phone ?? '';
    for (const text of ['HELP', 'HELP', 'STOP', 'START', 'HELP', 'HELP']) await admin.ok('POST', '/api/sms/outbox/replies', { from: known, text });
    for (let i = 0; i < 15; i++) await admin.ok('POST', '/api/sms/outbox/replies', { from: `+336987654${String(i).padStart(2, '0')}`, text: 'HELP' });
    const confirmations = (await sent()).filter((m) => m.kind.startsWith('sms.'));
    expect(confirmations.filter((m) => m.to === known)).toHaveLength(3);
    expect(confirmations.filter((m) => m.to.startsWith('+336987654'))).toHaveLength(10);
  });

  it('bidi controls never reach a phone', async () => {
    const { id } = await admin.ok<{ id: string }>('POST', '/api/sms/messages', { to: members[0]?.phone, text: 'Pay \u202Eexe.moc\u202C now\u2066!\u2069' });
    const message = await admin.ok<{ text: string }>('GET', `/api/sms/messages/${id}`);
    expect(message.text).toBe('Pay exe.moc now!');
  });

  it('bidi controls already in the store (written before the API cleaned titles) never reach a phone either', async () => {
    const { id } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Opening hours', question: 'Do we open on Sundays?' });
    await admin.ok('POST', `/api/activities/${id}/members`, { userId: members[2]?.id, role: 'contributor' });
    await seedStore(relay.dataDir, [{ sql: 'UPDATE activities SET title = ? WHERE id = ?', params: ['Opening \u202Esruoh\u202C \u2067hours\u2069', id] }]);
    await admin.ok('POST', `/api/activities/${id}/decision`, { outcome: 'We open on Sundays.', rationale: 'Customers asked.' });
    const text = await waitUntil(async () => {
      const { recipients } = await admin.ok<{ recipients: { userId: string; sms: { messageId?: string | null; id?: string | null } | null }[] }>('GET', `/api/activities/${id}/decision`);
      return recipients.find((r) => r.userId === members[2]?.id)?.sms ? (await sent({ kind: 'decisions.published' })).find((m) => m.to === members[2]?.phone && m.text.includes('sruoh'))?.text ?? null : null;
    }, 'the decision SMS');
    expect(text).toContain('Opening sruoh hours');
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/);
  });
});
