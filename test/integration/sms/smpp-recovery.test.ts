import { afterEach, describe, expect, it } from 'vitest';
import { Api, setUpOrganisation } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { TestSmsc } from '../../support/smsc.ts';
import { addSmsMember, queueTexts, smppEnv, statusCounts, waitUntil } from '../../support/sms.ts';
import { atScale } from '../../support/scale.ts';

/** 1,000 under `npm run soak`, 500 in `npm test`. */
const batch = atScale(1000, 500);

describe('SMS delivery survives crashes, dropped connections and throttling', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setUp() {
    const smsc = new TestSmsc();
    const url = await smsc.listen();
    const relay = await startRelayProcess({ env: smppEnv(url) });
    cleanups.push(() => smsc.close(), () => removeDataDir(relay.dataDir), () => relay.stop());
    const admin = await setUpOrganisation(relay.url);
    await addSmsMember(admin, 'Bob Martin', '+33612345678');
    return { smsc, url, relay, admin };
  }

  it(`kill -9 in the middle of a ${batch}-message batch: after restart each message is sent exactly once`, { timeout: 180_000 }, async () => {
    const { smsc, url, relay, admin } = await setUp();
    smsc.holdBinds();
    await queueTexts([admin.base], admin.token!, 'Batch', batch);
    smsc.releaseBinds();
    await waitUntil(async () => smsc.submits.length >= batch * 0.3, 'a third submitted');
    // Killed with messages handed to the SMSC and not answered yet: they are in doubt at the restart.
    smsc.deafen();
    await waitUntil(async () => smsc.unheard > 0, 'a submit left unanswered');
    await relay.kill9();
    const atCrash = smsc.submits.length;
    expect(atCrash).toBeLessThan(batch);

    const again: RelayProcess = await startRelayProcess({ dataDir: relay.dataDir, env: smppEnv(url) });
    cleanups.push(() => again.stop());
    const restarted = new Api(again.url, admin.token);
    await waitUntil(async () => (await statusCounts(restarted)).delivered === batch, 'all delivered', 150_000);
    expect(smsc.onceEach('Batch', batch)).toEqual({ missing: [], twice: [] });
    expect(smsc.submits.length).toBe(batch);
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
    await queueTexts([admin.base], admin.token!, 'Drop', 300);
    smsc.dropAfter(120);
    smsc.releaseBinds();
    await waitUntil(async () => (await statusCounts(admin)).delivered === 300, 'all 300 delivered', 100_000);
    expect(smsc.binds).toBeGreaterThanOrEqual(2);
    expect(smsc.onceEach('Drop', 300)).toEqual({ missing: [], twice: [] });
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
    await queueTexts([admin.base], admin.token!, 'Throttle', 200);
    smsc.throttleFor(1500);
    smsc.releaseBinds();
    await waitUntil(async () => (await statusCounts(admin)).delivered === 200, 'all 200 delivered', 100_000);
    // Without backing off, a window of 10 retried at once would be refused hundreds of times.
    expect(smsc.throttledAnswers).toBeGreaterThan(0);
    expect(smsc.throttledAnswers).toBeLessThan(60);
    expect(smsc.onceEach('Throttle', 200)).toEqual({ missing: [], twice: [] });
  });
});
