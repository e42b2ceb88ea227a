import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { sharedPostgres } from '../../support/postgres.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';

/**
 * A relay on PostgreSQL does not yet keep an anonymous ballot unlinkable from its voter
 * (one transaction writes both rows and stamps them with its id): it opens no anonymous
 * poll rather than promise it. A named poll opens as on SQLite.
 */
describe('anonymous polls on a PostgreSQL store', () => {
  let relay: RelayProcess;
  let fiona: Api;
  let activityId: string;
  const poll = (anonymous: boolean) => ({
    kind: 'single',
    question: 'Where do we open the next store?',
    options: ['Lyon', 'Lille'],
    rule: 'plurality',
    deadline: new Date(Date.now() + 86_400_000).toISOString(),
    anonymous,
  });

  beforeAll(async () => {
    const url = await (await sharedPostgres()).createDatabase();
    relay = await startRelayProcess({ env: { CONCLAVE_DATABASE_URL: url } });
    const admin = await setUpOrganisation(relay.url);
    fiona = (await addPerson(admin, 'Fiona Facilitator')).api;
    ({ id: activityId } = await fiona.ok<{ id: string }>('POST', '/api/activities', { title: 'Next store', question: 'Where do we open the next store?' }));
  }, 120_000);

  afterAll(async () => {
    await relay?.stop();
    if (relay) await removeDataDir(relay.dataDir);
  });

  it('refuses to open an anonymous poll (409) and opens a named one', async () => {
    const refused = await fiona.call('POST', `/api/activities/${activityId}/polls`, poll(true));
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain('PostgreSQL');
    expect(await fiona.ok<{ polls: unknown[] }>('GET', `/api/activities/${activityId}/polls`)).toMatchObject({ polls: [] });
    expect((await fiona.call('POST', `/api/activities/${activityId}/polls`, poll(false))).status).toBe(201);
  });
});
