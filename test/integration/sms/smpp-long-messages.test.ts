import { afterEach, describe, expect, it } from 'vitest';
import { composeSms } from '#core/sms/compose';
import { userData } from '../../../server/sms/providers/smpp-pdus.ts';
import { Api, setUpOrganisation } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { TestSmsc, type ReceivedSubmit, type SmscOptions } from '../../support/smsc.ts';
import { addSmsMember, smppEnv, waitForStatus, waitUntil, type SmsMessageView } from '../../support/sms.ts';
import { queryStore } from '../../support/store-reader.ts';

/** 400 GSM-7 characters: three parts of at most 153 septets. */
const longText = (name: string) => `${name} : ${'chiffres du jour, '.repeat(30)}`.slice(0, 400);

/**
 * Each part received once, in order, each byte for byte what the relay composes: the
 * same UDH reference and total, its own sequence number, the same user_message_reference.
 */
function expectEachPartOnce(smsc: TestSmsc, text: string): ReceivedSubmit[] {
  const composed = composeSms(text);
  expect(composed.segments).toBe(3);
  const message = smsc.messages().find((m) => m.text === text);
  expect(message, 'the message reassembled at the SMSC').toBeDefined();
  const parts = message!.parts;
  expect(parts.map((p) => p.shortMessage[5])).toEqual([1, 2, 3]);
  const ref = parts[0]!.ref!;
  const expected = userData(composed, ref).parts;
  parts.forEach((p, i) => {
    expect(p.shortMessage.subarray(0, 6)).toEqual(Buffer.from([0x05, 0x00, 0x03, ref & 0xff, 3, i + 1]));
    expect(p.shortMessage).toEqual(expected[i]);
    expect(p.ref).toBe(ref);
    expect(p.esmClass & 0x40).toBe(0x40);
  });
  // Nothing else of this message reached the SMSC: no part twice.
  expect(smsc.submits.filter((s) => s.ref === ref && s.esmClass & 0x40)).toHaveLength(3);
  return parts;
}

describe('a long message survives a dropped link or a crash between its parts', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setUp(options: SmscOptions = {}) {
    const smsc = new TestSmsc(options);
    const url = await smsc.listen();
    const relay = await startRelayProcess({ env: smppEnv(url) });
    cleanups.push(() => smsc.close(), () => removeDataDir(relay.dataDir), () => relay.stop());
    const admin = await setUpOrganisation(relay.url);
    await addSmsMember(admin, 'Bob Martin', '+33612345678');
    await waitUntil(async () => (await admin.ok<{ connected: boolean }>('GET', '/api/sms/status')).connected, 'bind');
    return { smsc, url, relay, admin };
  }

  const send = (admin: Api, text: string) => admin.ok<{ id: string; segments: number }>('POST', '/api/sms/messages', { to: '+33612345678', text });

  const partReceipts = (relay: RelayProcess, id: string) =>
    queryStore<{ part: number; receipt: string | null }>(relay.dataDir, 'SELECT part, receipt FROM sms_parts WHERE message_id = ? ORDER BY part', [id]);

  it('the link drops after part 1 was accepted: only parts 2 and 3 are sent again, and it is delivered only after all three receipts', { timeout: 60_000 }, async () => {
    const { smsc, relay, admin } = await setUp({ receipts: false });
    smsc.dropAfterPart(1);
    const text = longText('Ventes');
    const sent = await send(admin, text);
    expect(sent.segments).toBe(3);
    await waitForStatus(admin, sent.id, 'sent');
    expect(smsc.binds).toBeGreaterThanOrEqual(2);
    const parts = expectEachPartOnce(smsc, text);

    smsc.receiptFor(parts[0]!.messageId!);
    smsc.receiptFor(parts[1]!.messageId!);
    await waitUntil(async () => (await partReceipts(relay, sent.id)).filter((p) => p.receipt).length === 2, 'two part receipts recorded');
    expect((await admin.ok<SmsMessageView>('GET', `/api/sms/messages/${sent.id}`)).status).toBe('sent');
    smsc.receiptFor(parts[2]!.messageId!);
    const delivered = await waitForStatus(admin, sent.id, 'delivered');
    expect(await partReceipts(relay, sent.id)).toEqual([1, 2, 3].map((part) => ({ part, receipt: 'delivered' })));
    const details = delivered.history.map((h) => h.detail ?? '');
    expect(details.some((d) => d.startsWith('part 1 of 3 accepted by smpp'))).toBe(true);
    expect(details.some((d) => d.includes('(parts 2, 3 of 3)'))).toBe(true);
  });

  it('one part undelivered makes the whole message undelivered', { timeout: 60_000 }, async () => {
    const { smsc, admin } = await setUp({ receipts: false });
    const text = longText('Stocks');
    const sent = await send(admin, text);
    await waitForStatus(admin, sent.id, 'sent');
    const parts = expectEachPartOnce(smsc, text);
    smsc.receiptFor(parts[0]!.messageId!);
    smsc.receiptFor(parts[1]!.messageId!, 'undelivered');
    smsc.receiptFor(parts[2]!.messageId!);
    await waitForStatus(admin, sent.id, 'undelivered');
  });

  it('the link drops before part 1 is answered: its receipt settles it, and only parts 2 and 3 follow', { timeout: 60_000 }, async () => {
    const { smsc, admin } = await setUp();
    smsc.dropAfter(smsc.submits.length + 1);
    const text = longText('Marges');
    const sent = await send(admin, text);
    const delivered = await waitForStatus(admin, sent.id, 'delivered');
    const parts = expectEachPartOnce(smsc, text);
    expect(parts[0]!.answered).toBe(false);
    const details = delivered.history.map((h) => h.detail ?? '');
    expect(details.some((d) => d.startsWith('unconfirmed: the SMSC connection closed before it answered part 1 of 3'))).toBe(true);
    expect(details).toContain('confirmed by a receipt: the provider had part 1 of 3');
  });

  it('kill -9 between parts: after restart only the parts not accepted are sent, once each', { timeout: 90_000 }, async () => {
    const { smsc, url, relay, admin } = await setUp();
    smsc.swallowPart(2);
    const text = longText('Commandes');
    const sent = await send(admin, text);
    await waitUntil(async () => smsc.swallowed === 1, 'part 2 on its way');
    await relay.kill9();
    expect(smsc.submits.filter((s) => s.destination === '33612345678')).toHaveLength(1);

    const again = await startRelayProcess({ dataDir: relay.dataDir, env: smppEnv(url) });
    cleanups.push(() => again.stop());
    const restarted = new Api(again.url, admin.token);
    const delivered = await waitForStatus(restarted, sent.id, 'delivered');
    const parts = expectEachPartOnce(smsc, text);
    expect(parts.every((p) => p.answered)).toBe(true);
    const details = delivered.history.map((h) => h.detail ?? '');
    expect(details.some((d) => d.includes('the relay restarted while sending'))).toBe(true);
    expect(details.some((d) => d.includes('(parts 2, 3 of 3)'))).toBe(true);
  });
});
