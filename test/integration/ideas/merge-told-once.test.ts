import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { waitUntil } from '../../support/sms.ts';
import { TestSmtp } from '../../support/smtp.ts';
import { queryStore } from '../../support/store.ts';

/**
 * Nothing is lost, nothing is sent twice (issue 18: "merge duplicates … both authors
 * told"): the relay is killed (SIGKILL) right after a merge is committed and before its
 * authors are e-mailed. At restart each author gets one e-mail and one notice in the
 * app; restarted again, nothing more goes.
 */
describe('a merge interrupted by a crash', () => {
  let smtp: TestSmtp;
  let relay: RelayProcess;
  const env = () => ({ SMTP_URL: smtp.url, MAIL_FROM: 'Conclave <conclave@durand.example>', NODE_ENV: 'test' });
  const restart = async () => {
    relay = await startRelayProcess({ dataDir: relay.dataDir, env: env(), port: Number(new URL(relay.url).port) });
  };
  const mergeMails = (address: string) => smtp.to(address).filter((m) => m.text.includes('Un coin goûter'));

  beforeAll(async () => {
    smtp = new TestSmtp();
    await smtp.listen();
    relay = await startRelayProcess({ env: { ...env(), CONCLAVE_IDEAS_CRASH_AT: 'after-merge' } });
  }, 120_000);

  afterAll(async () => {
    await relay?.stop();
    await smtp?.close();
    if (relay) await removeDataDir(relay.dataDir);
  });

  it('M1 both authors are told once, by e-mail and in the app, across a kill -9 between the merge and the e-mails', { timeout: 180_000 }, async () => {
    const admin = await setUpOrganisation(relay.url);
    const fiona = (await addPerson(admin, 'Fiona Facilitator')).api;
    const bob = (await addPerson(admin, 'Bob Martin')).api;
    const carol = (await addPerson(admin, 'Carol Petit')).api;
    const { id: boxId } = await fiona.ok<{ id: string }>('POST', '/api/activities', {
      kind: 'ideas',
      title: 'Si j’étais Maison Durand',
      question: 'Que feriez-vous ?',
      categories: ['Enfants'],
    });
    const propose = async (api: Api, title: string) =>
      (await api.ok<{ id: string }>('POST', `/api/activities/${boxId}/ideas`, { title, text: 'Des fruits à la caisse.', category: 'Enfants' })).id;
    const kept = await propose(bob, 'Un coin goûter pour les enfants');
    const duplicate = await propose(carol, 'Un coin goûter à la caisse');
    await fiona.ok('POST', `/api/ideas/${kept}/votes`, {});
    await fiona.ok('POST', `/api/ideas/${duplicate}/votes`, {});

    await expect(fiona.call('POST', `/api/ideas/${duplicate}/merge`, { into: kept })).rejects.toThrow();
    await relay.ended();
    expect(await queryStore(relay.dataDir, 'SELECT merged_into FROM ideas WHERE id = ?', [duplicate])).toEqual([{ merged_into: kept }]);
    expect(mergeMails('bob.martin@durand.example')).toHaveLength(0);
    expect(mergeMails('carol.petit@durand.example')).toHaveLength(0);

    await restart();
    await waitUntil(async () => mergeMails('bob.martin@durand.example').length > 0 && mergeMails('carol.petit@durand.example').length > 0, 'both authors e-mailed after the restart', 60_000);

    // Stopped and started once more: nothing goes again.
    await relay.stop();
    await restart();
    await smtp.waitFor(smtp.received.length + 1, 3_000).catch(() => undefined);
    expect([mergeMails('bob.martin@durand.example').length, mergeMails('carol.petit@durand.example').length]).toEqual([1, 1]);
    type Notices = { notices: { kind: string; ideaId: string; otherIdea: { id: string } | null }[] };
    const merged = (n: Notices) => n.notices.filter((x) => x.kind === 'merged').map((x) => [x.ideaId, x.otherIdea?.id]);
    expect(merged(await bob.ok<Notices>('GET', '/api/idea-notices'))).toEqual([[kept, duplicate]]);
    expect(merged(await carol.ok<Notices>('GET', '/api/idea-notices'))).toEqual([[duplicate, kept]]);
    expect(await fiona.ok<{ votes: number }>('GET', `/api/ideas/${kept}`)).toMatchObject({ votes: 1 });
  });
});
