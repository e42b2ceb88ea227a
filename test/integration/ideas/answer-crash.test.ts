import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, addPerson, password, setUpOrganisation } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { addSmsMember, waitUntil } from '../../support/sms.ts';
import { TestSmsc } from '../../support/smsc.ts';
import { queryStore } from '../../support/store.ts';

/**
 * Nothing is lost, nothing is sent twice: the relay is killed (SIGKILL) right after a
 * decline is committed and before its SMS reaches the gateway. At restart the author's
 * SMS goes, once, with the reason; a further restart sends nothing more.
 */
describe('an answer interrupted by a crash', () => {
  let smsc: TestSmsc;
  let relay: RelayProcess;
  let smppUrl: string;
  const env = () => ({ SMS_PROVIDER: 'smpp', SMPP_URL: smppUrl, SMS_QUIET_START: '00:00', SMS_QUIET_END: '00:00', NODE_ENV: 'test' });

  beforeAll(async () => {
    smsc = new TestSmsc();
    smppUrl = await smsc.listen();
    relay = await startRelayProcess({ env: { ...env(), CONCLAVE_IDEAS_CRASH_AT: 'after-answer' } });
  });

  afterAll(async () => {
    await relay?.stop();
    await smsc?.close();
    if (relay) await removeDataDir(relay.dataDir);
  });

  it('C1 the SMS telling why goes once, after the restart', { timeout: 180_000 }, async () => {
    const admin = await setUpOrganisation(relay.url);
    const fiona = (await addPerson(admin, 'Fiona Facilitator')).api;
    await addSmsMember(admin, 'Bob Martin', '06 12 34 56 78');
    const bob = admin.as((await new Api(relay.url).ok<{ token: string }>('POST', '/api/session', { email: 'bob.martin@durand.example', password })).token);
    const { id: boxId } = await fiona.ok<{ id: string }>('POST', '/api/activities', {
      kind: 'ideas',
      title: 'Ideas',
      question: 'If you were us, what would you do?',
      categories: ['Loyalty'],
    });
    const { id: ideaId } = await bob.ok<{ id: string }>('POST', `/api/activities/${boxId}/ideas`, { title: 'Double points on Mondays', text: 'Quiet days would fill up.', category: 'Loyalty' });

    const reason = 'Mondays are already our busiest day online.';
    await expect(fiona.call('POST', `/api/ideas/${ideaId}/status`, { status: 'declined', reason })).rejects.toThrow();
    await relay.ended();
    const [change] = await queryStore<{ to_status: string; sms_status: string | null }>(relay.dataDir, 'SELECT to_status, sms_status FROM idea_status_changes');
    expect(change).toEqual({ to_status: 'declined', sms_status: null });
    expect(smsc.submits).toHaveLength(0);

    relay = await startRelayProcess({ dataDir: relay.dataDir, env: env(), port: Number(new URL(relay.url).port) });
    const toBob = () => smsc.messages().filter((m) => m.destination === '33612345678');
    const [sms] = await waitUntil(async () => (toBob().length > 0 ? toBob() : null), 'the SMS to Bob after the restart');
    expect(sms!.text).toBe(`Conclave - votre idée "Double points on Mondays" est refusée. Raison : ${reason}`);
    expect((await bob.ok<{ notices: { status: string; reason: string }[] }>('GET', '/api/idea-notices')).notices).toEqual([
      expect.objectContaining({ status: 'declined', reason }),
    ]);

    await relay.stop();
    relay = await startRelayProcess({ dataDir: relay.dataDir, env: env(), port: Number(new URL(relay.url).port) });
    await waitUntil(async () => smsc.isBound, 'the bind after the second restart');
    await new Promise((r) => setTimeout(r, 500));
    expect(toBob()).toHaveLength(1);
  });
});
