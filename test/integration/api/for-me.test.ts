import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForMe } from '#core/api/for-me';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';

/**
 * Issue 13, finding 5: `GET /api/me/for-me` says what needs the signed-in person — sealed
 * rounds waiting for their input, decisions to acknowledge, deadlines — and nothing of
 * an activity they cannot see.
 */
describe('what needs me', () => {
  let relay: RelayProcess;
  let admin: Api;
  let bob: Api;
  let carol: Api;

  beforeAll(async () => {
    relay = await startRelayProcess();
    admin = await setUpOrganisation(relay.url);
  });
  afterAll(async () => {
    await relay?.stop();
    if (relay) await removeDataDir(relay.dataDir);
  });

  it('lists votes to cast until cast, decisions until acknowledged, and nothing of others’ activities', async () => {
    const b = await addPerson(admin, 'Bob Martin');
    const c = await addPerson(admin, 'Carol Petit');
    bob = b.api;
    carol = c.api;
    const deadline = new Date(Date.now() + 3_600_000).toISOString();
    const open = async (title: string) => {
      const { id } = await admin.ok<{ id: string }>('POST', '/api/activities', { title, question: `${title}: where do we open?` });
      return id;
    };
    const shared = await open('Next store');
    const secret = await open('Board only');
    await admin.ok('POST', `/api/activities/${shared}/members`, { userId: b.id, role: 'contributor' });
    await admin.ok('POST', `/api/activities/${secret}/members`, { userId: c.id, role: 'contributor' });
    const poll = async (activityId: string, question: string) =>
      (await admin.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, { kind: 'single', question, options: ['Lyon', 'Lille'], rule: 'plurality', deadline })).id;
    const first = await poll(shared, 'Where do we open the next store?');
    await poll(shared, 'Which month do we open in?');
    await poll(secret, 'Do we close the Lille store?');

    let mine = await bob.ok<ForMe>('GET', '/api/me/for-me');
    expect(mine.votes.map((v) => v.question).sort()).toEqual(['Where do we open the next store?', 'Which month do we open in?']);
    expect(mine.byActivity).toEqual({ [shared]: { toVote: 2, nextDeadline: deadline.replace(/Z$/, 'Z') } });
    expect(JSON.stringify(mine)).not.toContain('Lille store');

    await bob.ok('POST', `/api/polls/${first}/votes`, { choice: 'Lyon' });
    mine = await bob.ok<ForMe>('GET', '/api/me/for-me');
    expect(mine.votes.map((v) => v.question)).toEqual(['Which month do we open in?']);

    await admin.ok('POST', `/api/activities/${shared}/decision`, { outcome: 'We open in Lyon.', rationale: 'Most votes.' });
    mine = await bob.ok<ForMe>('GET', '/api/me/for-me');
    expect(mine.votes).toEqual([]);
    expect(mine.decisions.map((d) => d.outcome)).toEqual(['We open in Lyon.']);
    await bob.ok('POST', `/api/activities/${shared}/decision/acknowledgement`);
    expect((await bob.ok<ForMe>('GET', '/api/me/for-me')).decisions).toEqual([]);

    const carols = await carol.ok<ForMe>('GET', '/api/me/for-me');
    expect(carols.votes.map((v) => v.question)).toEqual(['Do we close the Lille store?']);
    expect(JSON.stringify(carols)).not.toContain('Next store');
    expect((await admin.as('').call('GET', '/api/me/for-me')).status).toBe(401);
  });
});
