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
});
