import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, Api, setUpOrganisation } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { queryStore } from '../../support/store-reader.ts';

/** Polls the store until `read` gives a value, without making any request to the relay. */
async function untilStored<T>(read: () => Promise<T | null>, what: string, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (value !== null) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('reveal at the deadline', () => {
  let relay: RelayProcess;
  let dataDir: string;
  let admin: Api;
  let bob: Awaited<ReturnType<typeof addPerson>>;
  let activityId: string;

  const openPoll = async (deadline: string) =>
    (
      await admin.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, {
        kind: 'single',
        question: 'Where do we open the next store?',
        options: ['Lyon', 'Lille'],
        rule: 'plurality',
        deadline,
      })
    ).id;

  const revealedAt = (pollId: string) => async () =>
    (
      await queryStore<{ revealed_at: string | null; revealed_by: string | null; status: string }>(
        dataDir,
        'SELECT r.revealed_at, r.revealed_by, p.status FROM poll_rounds r JOIN polls p ON p.id = r.poll_id WHERE p.id = ?',
        [pollId],
      )
    ).find((r) => r.revealed_at !== null) ?? null;

  beforeAll(async () => {
    relay = await startRelayProcess();
    dataDir = relay.dataDir;
    admin = await setUpOrganisation(relay.url);
    bob = await addPerson(admin, 'Bob Martin');
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Next store',
      question: 'Where do we open the next store?',
    }));
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: bob.id, role: 'contributor' });
  });

  afterAll(async () => {
    await relay.stop();
    await removeDataDir(dataDir);
  });

  it('R1 a running relay reveals a round when its deadline comes, without any request', async () => {
    const id = await openPoll(new Date(Date.now() + 1000).toISOString());
    await bob.api.ok('POST', `/api/polls/${id}/votes`, { choice: 'Lyon' });
    expect(await revealedAt(id)()).toBeNull();
    expect(await untilStored(revealedAt(id), 'the reveal')).toMatchObject({ revealed_by: null, status: 'revealed' });
  });

  it('R2 a deadline that passed while the relay was down is kept: the round is revealed when it starts', async () => {
    const deadline = new Date(Date.now() + 1500).toISOString();
    const id = await openPoll(deadline);
    await bob.api.ok('POST', `/api/polls/${id}/votes`, { choice: 'Lille' });
    await relay.stop();
    expect(await revealedAt(id)()).toBeNull();
    await untilStored(async () => (Date.now() > Date.parse(deadline) + 200 ? true : null), 'the deadline to pass');

    relay = await startRelayProcess({ dataDir });
    expect(await untilStored(revealedAt(id), 'the reveal')).toMatchObject({ revealed_by: null, status: 'revealed' });
    const view = await new Api(relay.url, admin.token).ok<{ results: { winners: string[] } }>('GET', `/api/polls/${id}`);
    expect(view.results.winners).toEqual(['Lille']);
  });
});
