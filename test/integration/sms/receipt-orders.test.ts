import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { TestSmsc, type SmscOptions } from '../../support/smsc.ts';
import { addSmsMember, waitUntil, type SmsMessageView } from '../../support/sms.ts';
import { queryStore } from '../../support/store-reader.ts';

/**
 * Issue 20: whatever order an SMSC sends its receipts in — right after the response,
 * before it, twice, intermediate and final either way round, a long message's parts
 * last first — every message ends as its receipts say, exactly once, never moving back.
 * Many SMSCs echo only the message id (no user_message_reference TLV): a receipt that
 * overtakes the relay's record of that id must wait for it, not be lost.
 */
const phone = '+33612345678';
const finals = ['delivered', 'undelivered', 'failed', 'expired'];
const order = ['queued', 'sending', 'sent', 'delivered'];

describe.each([
  { echo: 'only the message id', receiptTlvs: false },
  { echo: 'the id, the state and the reference in TLVs', receiptTlvs: true },
])('every receipt order an SMSC may produce ends in the right state, once (receipts name $echo)', ({ receiptTlvs }) => {
  let smsc: TestSmsc;
  let relay: RelayProcess;
  let admin: Api;

  beforeAll(async () => {
    smsc = new TestSmsc({ receiptTlvs });
    relay = await startRelayProcess({
      env: { SMS_PROVIDER: 'smpp', SMPP_URL: await smsc.listen(), SMPP_WINDOW: '10', SMS_UNCONFIRMED_GRACE_MS: '60000', SMS_RETRY_BASE_MS: '200' },
    });
    admin = await setUpOrganisation(relay.url);
    await addSmsMember(admin, 'Bob Martin', phone);
    await waitUntil(async () => (await admin.ok<{ connected: boolean }>('GET', '/api/sms/status')).connected, 'bind');
  });

  afterAll(async () => {
    await relay.stop();
    await smsc.close();
    await removeDataDir(relay.dataDir);
  });

  /** Sends `text`, waits until it is final, and checks its timeline only ever moved forward, to one final state. */
  async function finalOf(text: string, expected: 'delivered' | 'undelivered' = 'delivered') {
    const { id } = await admin.ok<{ id: string }>('POST', '/api/sms/messages', { to: phone, text });
    const final = await waitUntil(async () => {
      const m = await admin.ok<SmsMessageView>('GET', `/api/sms/messages/${id}`);
      return finals.includes(m.status) ? m : null;
    }, `message "${text.slice(0, 20)}" to reach a final state`, 20_000);
    // Every receipt the SMSC sent is answered; nothing comes after the final state.
    await new Promise((r) => setTimeout(r, 300));
    const settled = await admin.ok<SmsMessageView>('GET', `/api/sms/messages/${id}`);
    expect(settled.status).toBe(expected);
    expect(final.status).toBe(expected);
    const moves = settled.history.map((h) => h.status).filter((s, i, all) => s !== all[i - 1]);
    expect(moves.filter((s) => finals.includes(s)), 'one final state, once').toEqual([expected]);
    const ranks = moves.map((s) => (finals.includes(s) ? 3 : order.indexOf(s)));
    expect(ranks, `never backwards: ${moves.join(' → ')}`).toEqual([...ranks].sort((a, b) => a - b));
    return settled;
  }

  const oneAndThreeParts = async (label: string, options: SmscOptions) => {
    Object.assign(smsc.options, { receiptTiming: 'after-response', duplicateReceipts: false, intermediate: 'none', partsInReverse: false, ...options });
    await finalOf(`Chiffres ${label} : 12 340 €`);
    // Three UCS-2 parts, an emoji among them.
    await finalOf(`Prévision ${label} 📈 : ${'ê'.repeat(150)}`);
  };

  it('R1 the receipt comes right after the response, in the same write', async () => {
    await oneAndThreeParts('R1', { receiptTiming: 'with-response' });
  });

  it('R2 the receipt comes before the response (the relay does not know the id yet)', async () => {
    await oneAndThreeParts('R2', { receiptTiming: 'before-response' });
  });

  it('R3 every receipt comes twice', async () => {
    await oneAndThreeParts('R3', { receiptTiming: 'with-response', duplicateReceipts: true });
  });

  it('R4 an intermediate notification, then the final receipt', async () => {
    await oneAndThreeParts('R4', { receiptTiming: 'with-response', intermediate: 'before' });
  });

  it('R5 the final receipt, then a late intermediate notification', async () => {
    await oneAndThreeParts('R5', { receiptTiming: 'before-response', intermediate: 'after' });
  });

  it('R6 a long message\'s receipts come last part first', async () => {
    await oneAndThreeParts('R6', { partsInReverse: true });
    await oneAndThreeParts('R6b', { partsInReverse: true, receiptTiming: 'before-response', duplicateReceipts: true });
  });

  it('R7 one part undelivered, its receipt before the response: the message is undelivered', async () => {
    Object.assign(smsc.options, { receiptTiming: 'before-response', duplicateReceipts: false, intermediate: 'before', partsInReverse: false });
    smsc.outcome = (submit) => (submit.shortMessage[5] === 2 ? 'undelivered' : 'delivered');
    try {
      await finalOf(`Une partie perdue : ${'ê'.repeat(150)}`, 'undelivered');
    } finally {
      smsc.outcome = () => 'delivered';
    }
  });

  it('R8 nothing was left waiting or unknown, and the logs never name the number', async () => {
    const waiting = await queryStore<{ n: number }>(relay.dataDir, 'SELECT COUNT(*) AS n FROM sms_early_receipts', []);
    expect(waiting[0]!.n).toBe(0);
    expect(relay.output()).not.toContain('33612345678');
    expect(relay.output()).not.toContain('do not know');
  });
});
