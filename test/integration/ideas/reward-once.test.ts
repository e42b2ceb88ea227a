import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, addPerson, password, setUpOrganisation } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { addSmsMember, waitUntil } from '../../support/sms.ts';
import { TestSmsc } from '../../support/smsc.ts';
import { TestSmtp } from '../../support/smtp.ts';
import { queryStore } from '../../support/store.ts';

/**
 * Recognition and rewards on a real relay, with an SMSC and an SMTP server on loopback.
 * A reward goes to its author exactly once by SMS and by e-mail, whether the relay is
 * killed (SIGKILL) right after the reward is committed or in the middle of sending its
 * SMS (handed to the SMSC, unanswered); further restarts send nothing more.
 */
describe('a reward for an implemented idea', () => {
  let smsc: TestSmsc;
  let smtp: TestSmtp;
  let relay: RelayProcess;
  let smppUrl: string;
  let fiona: Api;
  let bob: Api;
  let carol: Api;
  let boxId: string;
  const ideas: string[] = [];
  const env = () => ({
    SMS_PROVIDER: 'smpp',
    SMPP_URL: smppUrl,
    SMS_QUIET_START: '00:00',
    SMS_QUIET_END: '00:00',
    SMS_UNCONFIRMED_GRACE_MS: '3000',
    SMS_RETRY_BASE_MS: '200',
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Conclave <conclave@durand.example>',
    NODE_ENV: 'test',
  });
  const restart = async (extra: Record<string, string> = {}) => {
    relay = await startRelayProcess({ dataDir: relay.dataDir, env: { ...env(), ...extra }, port: Number(new URL(relay.url).port) });
  };
  /** What to read when a wait after a restart times out (this test failed so twice, not understood yet). */
  const explained = async <T>(wait: Promise<T>): Promise<T> => {
    try {
      return await wait;
    } catch (err) {
      const rows = await queryStore(relay.dataDir, 'SELECT idea_id, told_at, sms_status, email_status FROM idea_rewards').catch((e: unknown) => String(e));
      const sms = await queryStore(relay.dataDir, 'SELECT id, status, detail, attempts, claimed_by FROM sms_messages ORDER BY rowid DESC LIMIT 5').catch((e: unknown) => String(e));
      throw new Error(
        `${(err as Error).message}\nrelay exit code: ${relay.child.exitCode} (signal ${relay.child.signalCode})\nSMSC bound: ${smsc.isBound}, submits: ${smsc.submits.length}\nrewards: ${JSON.stringify(rows)}\nlast SMS: ${JSON.stringify(sms)}\nrelay output (end):\n${relay.output().slice(-6000)}`,
      );
    }
  };
  const smsWith = (code: string) => smsc.messages().filter((m) => m.destination === '33612345678' && m.text.includes(code));
  const mailsWith = (code: string) => smtp.received.filter((m) => m.envelopeTo.includes('bob.martin@durand.example') && m.text.includes(code));

  beforeAll(async () => {
    smsc = new TestSmsc();
    smppUrl = await smsc.listen();
    smtp = new TestSmtp();
    await smtp.listen();
    relay = await startRelayProcess({ env: { ...env(), CONCLAVE_IDEAS_CRASH_AT: 'after-reward' } });
    const admin = await setUpOrganisation(relay.url);
    fiona = (await addPerson(admin, 'Fiona Facilitator')).api;
    carol = (await addPerson(admin, 'Carol Petit')).api;
    await addSmsMember(admin, 'Bob Martin', '06 12 34 56 78');
    bob = admin.as((await new Api(relay.url).ok<{ token: string }>('POST', '/api/session', { email: 'bob.martin@durand.example', password })).token);
    ({ id: boxId } = await fiona.ok<{ id: string }>('POST', '/api/activities', {
      kind: 'ideas',
      title: 'Si j’étais Maison Durand',
      question: 'If you were us, what would you do?',
      categories: ['Loyalty'],
    }));
    for (const title of ['Double points on Mondays', 'A kids corner in every store']) {
      const { id } = await bob.ok<{ id: string }>('POST', `/api/activities/${boxId}/ideas`, { title, text: 'Customers asked.', category: 'Loyalty' });
      await fiona.ok('POST', `/api/ideas/${id}/status`, { status: 'accepted' });
      await fiona.ok('POST', `/api/ideas/${id}/status`, { status: 'implemented' });
      ideas.push(id);
    }
  }, 120_000);

  afterAll(async () => {
    await relay?.stop();
    await smsc?.close();
    await smtp?.close();
    if (relay) await removeDataDir(relay.dataDir);
  });

  it('W1 only a facilitator rewards, only an implemented idea, once', async () => {
    const snapshot = () => queryStore(relay.dataDir, 'SELECT * FROM idea_rewards');
    expect((await carol.call('POST', `/api/ideas/${ideas[0]}/reward`, { text: 'Voucher CAROL-1' })).status).toBe(403);
    const { id: fresh } = await bob.ok<{ id: string }>('POST', `/api/activities/${boxId}/ideas`, { title: 'Not done yet', text: 'x', category: 'Loyalty' });
    expect((await fiona.call('POST', `/api/ideas/${fresh}/reward`, { text: 'Voucher EARLY-1' })).status).toBe(409);
    expect((await fiona.call('POST', `/api/ideas/${ideas[0]}/reward`, { text: '' })).status).toBe(400);
    expect(await snapshot()).toEqual([]);
  });

  it('W2 killed right after the reward is committed: told once after the restart', { timeout: 240_000 }, async () => {
    await expect(fiona.call('POST', `/api/ideas/${ideas[0]}/reward`, { text: 'Voucher DURAND-7731' })).rejects.toThrow();
    await relay.ended();
    expect(await queryStore(relay.dataDir, 'SELECT told_at FROM idea_rewards')).toEqual([{ told_at: null }]);
    expect(smsWith('DURAND-7731')).toHaveLength(0);

    await restart();
    const [sms] = await explained(waitUntil(async () => (smsWith('DURAND-7731').length > 0 ? smsWith('DURAND-7731') : null), 'the reward SMS after the restart', 120_000));
    expect(sms!.text).toBe('Conclave - merci pour votre idée "Double points on Mondays", mise en oeuvre. Votre récompense : Voucher DURAND-7731');
    await waitUntil(async () => mailsWith('DURAND-7731').length > 0, 'the reward e-mail', 60_000);
    expect(await bob.ok('GET', `/api/ideas/${ideas[0]}`)).toMatchObject({ reward: { text: 'Voucher DURAND-7731' } });
    expect(await carol.ok('GET', `/api/ideas/${ideas[0]}`)).toMatchObject({ reward: null });
    expect((await fiona.call('POST', `/api/ideas/${ideas[0]}/reward`, { text: 'Voucher AGAIN-1' })).status).toBe(409);
  });

  it('W3 killed with the reward SMS handed to the SMSC and unanswered: delivered exactly once', { timeout: 240_000 }, async () => {
    await explained(waitUntil(async () => smsc.isBound, 'the relay bound to the SMSC'));
    smsc.deafen();
    await fiona.ok('POST', `/api/ideas/${ideas[1]}/reward`, { text: 'Voucher DURAND-9044' });
    await waitUntil(async () => smsc.unheard > 0, 'the reward SMS left unanswered');
    // The e-mail was queued before the SMS: it has gone (an e-mail in doubt at a crash is never sent again).
    await waitUntil(async () => mailsWith('DURAND-9044').length > 0, 'the reward e-mail', 60_000);
    expect(smsWith('DURAND-9044')).toHaveLength(0);
    await relay.kill9();
    await restart();
    await waitUntil(async () => (smsWith('DURAND-9044').length > 0 ? true : null), 'the reward SMS after the restart', 120_000);

    // Restarted once more: nothing goes again.
    await relay.stop();
    await restart();
    await waitUntil(async () => smsc.isBound, 'the bind after the last restart');
    await new Promise((r) => setTimeout(r, 1500));
    for (const code of ['DURAND-7731', 'DURAND-9044']) {
      expect({ code, sms: smsWith(code).length, mails: mailsWith(code).length }).toEqual({ code, sms: 1, mails: 1 });
    }
    const rows = await queryStore<{ told_at: string | null; sms_status: string }>(relay.dataDir, 'SELECT told_at, sms_status FROM idea_rewards');
    expect(rows.every((r) => r.told_at !== null)).toBe(true);
  });

  it('W4 points, badges, and a hall of fame naming authors only if they agreed', async () => {
    type View = { authors: { name: string; points: number; badges: string[] }[]; hallOfFame: { title: string; author: string | null }[] };
    const before = await carol.ok<View>('GET', `/api/activities/${boxId}/recognition`);
    expect(before.authors[0]).toMatchObject({ name: 'Bob Martin', points: 3 + 2 * 10 + 2 * 25, badges: ['first_idea', 'first_accepted', 'implemented'] });
    expect(before.hallOfFame.map((h) => h.author)).toEqual([null, null]);
    expect(await bob.ok('PUT', '/api/me/idea-credit', { credit: true })).toEqual({ credit: true });
    const after = await carol.ok<View>('GET', `/api/activities/${boxId}/recognition`);
    expect(after.hallOfFame.map((h) => [h.title, h.author]).sort()).toEqual([
      ['A kids corner in every store', 'Bob Martin'],
      ['Double points on Mondays', 'Bob Martin'],
    ]);
  });
});
