import { afterEach, describe, expect, it } from 'vitest';
import { Api, setUpOrganisation } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { TestSmsc } from '../../support/smsc.ts';
import { addSmsMember, statusCounts, waitUntil } from '../../support/sms.ts';

const smsEnv = (url: string) => ({
  SMS_PROVIDER: 'smpp',
  SMPP_URL: url,
  SMPP_WINDOW: '10',
  SMS_UNCONFIRMED_GRACE_MS: '3000',
  SMS_RETRY_BASE_MS: '200',
});

/** Queues `n` test messages "<prefix> #i" with idempotency keys, retrying any the relay did not answer. */
async function queueBatch(admin: Api, prefix: string, n: number, from = 0) {
  for (let start = from; start < n; start += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, n - start) }, async (_, k) => {
        const i = start + k;
        const res = await fetch(`${admin.base}/api/sms/messages`, {
          method: 'POST',
          headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json', 'idempotency-key': `${prefix}-${i}` },
          body: JSON.stringify({ to: '+33612345678', text: `${prefix} #${i}` }),
        });
        if (res.status !== 201) throw new Error(`queueing ${i}: ${res.status} ${await res.text()}`);
      }),
    );
  }
}

function expectEachOnce(smsc: TestSmsc, prefix: string, n: number) {
  const counts = smsc.countsByText();
  const missing: number[] = [];
  const twice: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = counts.get(`${prefix} #${i}`) ?? 0;
    if (c === 0) missing.push(i);
    if (c > 1) twice.push(i);
  }
  expect({ missing, twice }).toEqual({ missing: [], twice: [] });
}

describe('SMS delivery survives crashes, dropped connections and throttling', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setUp() {
    const smsc = new TestSmsc();
    const url = await smsc.listen();
    const relay = await startRelayProcess({ env: smsEnv(url) });
    cleanups.push(() => smsc.close(), () => removeDataDir(relay.dataDir), () => relay.stop());
    const admin = await setUpOrganisation(relay.url);
    await addSmsMember(admin, 'Bob Martin', '+33612345678');
    return { smsc, url, relay, admin };
  }

  it('kill -9 in the middle of a 1,000-message batch: after restart each message is sent exactly once', { timeout: 180_000 }, async () => {
    const { smsc, url, relay, admin } = await setUp();
    smsc.holdBinds();
    await queueBatch(admin, 'Batch', 1000);
    smsc.releaseBinds();
    await waitUntil(async () => smsc.submits.length >= 300, '300 submits');
    // Killed with messages handed to the SMSC and not answered yet: they are in doubt at the restart.
    smsc.deafen();
    await waitUntil(async () => smsc.unheard > 0, 'a submit left unanswered');
    await relay.kill9();
    const atCrash = smsc.submits.length;
    expect(atCrash).toBeLessThan(1000);

    const again: RelayProcess = await startRelayProcess({ dataDir: relay.dataDir, env: smsEnv(url) });
    cleanups.push(() => again.stop());
    const restarted = new Api(again.url, admin.token);
    await waitUntil(async () => (await statusCounts(restarted)).delivered === 1000, 'all 1,000 delivered', 150_000);
    expectEachOnce(smsc, 'Batch', 1000);
    expect(smsc.submits.length).toBe(1000);
    // The crash did leave messages in doubt, resolved by their receipts or sent again after the grace period.
    let inDoubt = 0;
    for (let before: number | null = null, first = true; first || before; first = false) {
      const page: { messages: { history: { detail: string | null }[] }[]; next: number | null } = await restarted.ok(
        'GET',
        `/api/sms/messages?limit=500${before ? `&before=${before}` : ''}`,
      );
      inDoubt += page.messages.filter((m) => m.history.some((h) => h.detail?.includes('the relay restarted while sending'))).length;
      before = page.next;
    }
    expect(inDoubt).toBeGreaterThan(0);
  });

  it('the SMSC drops the connection mid-batch: the relay rebinds and every message goes exactly once', { timeout: 120_000 }, async () => {
    const { smsc, admin } = await setUp();
    smsc.holdBinds();
    await queueBatch(admin, 'Drop', 300);
    smsc.dropAfter(120);
    smsc.releaseBinds();
    await waitUntil(async () => (await statusCounts(admin)).delivered === 300, 'all 300 delivered', 100_000);
    expect(smsc.binds).toBeGreaterThanOrEqual(2);
    expectEachOnce(smsc, 'Drop', 300);
    // The 120th submit reached the SMSC but its answer never came: it was held, not resent blindly.
    const dropped = smsc.submits[119]!;
    expect(dropped.answered).toBe(false);
    const text = smsc.messages().find((m) => m.parts.includes(dropped))!.text;
    const page = await admin.ok<{ messages: { text: string; history: { detail: string | null }[] }[] }>('GET', '/api/sms/messages?limit=500');
    const timeline = page.messages.find((m) => m.text === text)!.history.map((h) => h.detail ?? '');
    expect(timeline.some((d) => d.startsWith('unconfirmed: the SMSC connection closed'))).toBe(true);
    expect(timeline.some((d) => d.startsWith('confirmed by a receipt'))).toBe(true);
  });

  it('ESME_RTHROTTLED slows the sender down, and nothing is lost or doubled', { timeout: 120_000 }, async () => {
    const { smsc, admin } = await setUp();
    smsc.holdBinds();
    await queueBatch(admin, 'Throttle', 200);
    smsc.throttleFor(1500);
    smsc.releaseBinds();
    await waitUntil(async () => (await statusCounts(admin)).delivered === 200, 'all 200 delivered', 100_000);
    // Without backing off, a window of 10 retried at once would be refused hundreds of times.
    expect(smsc.throttledAnswers).toBeGreaterThan(0);
    expect(smsc.throttledAnswers).toBeLessThan(60);
    expectEachOnce(smsc, 'Throttle', 200);
  });
});
