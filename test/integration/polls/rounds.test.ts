import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { queryStore } from '../../support/store-reader.ts';

/** Issue 13, finding 6: another round only where it means something — never for a consent proposal. */
describe('rounds only where they mean something', () => {
  let relay: RelayProcess;
  let admin: Api;
  let bob: Api;
  let activityId: string;

  beforeAll(async () => {
    relay = await startRelayProcess();
    admin = await setUpOrganisation(relay.url);
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Opening hours', question: 'Do we open on Sundays?' }));
    const person = await addPerson(admin, 'Bob Martin');
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: person.id, role: 'contributor' });
    bob = person.api;
  });

  afterAll(async () => {
    await relay?.stop();
    if (relay) await removeDataDir(relay.dataDir);
  });

  it('refuses a second round of a revealed consent proposal, and opens none', async () => {
    const deadline = new Date(Date.now() + 3_600_000).toISOString();
    const { id } = await admin.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, {
      kind: 'consent', question: 'Do we open on Sundays?', proposal: 'We open on Sundays from March.', rule: 'consent', deadline,
    });
    await bob.ok('POST', `/api/polls/${id}/votes`, { position: 'agree' });
    await admin.ok('POST', `/api/polls/${id}/reveal`);
    const refused = await admin.call<{ error: { code: string } }>('POST', `/api/polls/${id}/rounds`, { deadline });
    expect(refused.status).toBe(409);
    const rounds = await queryStore<{ n: number }>(relay.dataDir, 'SELECT COUNT(*) AS n FROM poll_rounds WHERE poll_id = ?', [id]);
    expect(rounds[0]?.n).toBe(1);
  });

  it('refuses a re-vote of a decided single-choice poll with a clear error, changing nothing; a tie may go round again', async () => {
    const deadline = new Date(Date.now() + 3_600_000).toISOString();
    const single = (question: string) =>
      admin.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, { kind: 'single', rule: 'plurality', options: ['Yes', 'No'], question, deadline });
    const roundsOf = async (id: string) =>
      (await queryStore<{ n: number }>(relay.dataDir, 'SELECT COUNT(*) AS n FROM poll_rounds WHERE poll_id = ?', [id]))[0]?.n;

    const decided = await single('Do we open on Sunday mornings?');
    await bob.ok('POST', `/api/polls/${decided.id}/votes`, { choice: 'Yes' });
    await admin.ok('POST', `/api/polls/${decided.id}/reveal`);
    const refused = await admin.call<{ error: { code: string; message: string } }>('POST', `/api/polls/${decided.id}/rounds`, { deadline });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/decided/);
    expect(await roundsOf(decided.id)).toBe(1);
    const view = await admin.ok<{ status: string }>('GET', `/api/polls/${decided.id}`);
    expect(view.status).toBe('revealed');
    expect((await bob.call('POST', `/api/polls/${decided.id}/votes`, { choice: 'No' })).status).toBe(409);

    const tied = await single('Do we open on Sunday evenings?');
    await bob.ok('POST', `/api/polls/${tied.id}/votes`, { choice: 'Yes' });
    await admin.ok('POST', `/api/polls/${tied.id}/votes`, { choice: 'No' });
    await admin.ok('POST', `/api/polls/${tied.id}/reveal`);
    await admin.ok('POST', `/api/polls/${tied.id}/rounds`, { deadline });
    expect(await roundsOf(tied.id)).toBe(2);
  });
});
