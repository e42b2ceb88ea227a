import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';

/** Each method through the API: ballots checked against their poll, results after the reveal. */
describe('every method through the relay', () => {
  let relay: RelayProcess;
  let fiona: Api;
  let voters: Api[];
  let activityId: string;
  const deadline = () => new Date(Date.now() + 3_600_000).toISOString();
  const question = 'Which city do we open the next store in?';

  beforeAll(async () => {
    relay = await startRelayProcess();
    const admin = await setUpOrganisation(relay.url);
    fiona = (await addPerson(admin, 'Fiona Facilitator')).api;
    ({ id: activityId } = await fiona.ok<{ id: string }>('POST', '/api/activities', { title: 'Next store', question }));
    voters = [];
    for (const name of ['Bob Martin', 'Carol Petit', 'Driss Amrani']) {
      const person = await addPerson(admin, name);
      await fiona.ok('POST', `/api/activities/${activityId}/members`, { userId: person.id, role: 'contributor' });
      voters.push(person.api);
    }
  });

  afterAll(async () => {
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  const open = async (body: Record<string, unknown>) =>
    (await fiona.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, { question, deadline: deadline(), ...body })).id;

  it('M1 a ballot that does not fit its poll is refused with a clear error, and nothing is stored', async () => {
    const id = await open({ kind: 'dots', options: ['Lyon', 'Lille', 'Nantes'], rule: 'most-dots', dotsPerPerson: 3, maxPerOption: 2 });
    const refusals: [unknown, RegExp][] = [
      [{ dots: { Lyon: 2, Lille: 2 } }, /4 dots placed, but each person has 3/],
      [{ dots: { Lyon: 3 } }, /at most 2 dots on one option/],
      [{ dots: { Paris: 1 } }, /not one of the options/],
      [{ choice: 'Lyon' }, /unknown field|dots/],
      ['{"dots": ', /not valid JSON/],
    ];
    for (const [body, message] of refusals) {
      const { status, body: out } = await voters[0]!.call<{ error: { message: string } }>('POST', `/api/polls/${id}/votes`, body);
      expect(status).toBe(400);
      expect(out.error.message).toMatch(message);
    }
    const view = await fiona.ok<{ participation: { taken: unknown[] } }>('GET', `/api/polls/${id}`);
    expect(view.participation.taken).toEqual([]);
    await voters[0]!.ok('POST', `/api/polls/${id}/votes`, { dots: { Lyon: 2, Lille: 1 } });
    await voters[1]!.ok('POST', `/api/polls/${id}/votes`, { dots: { Lille: 2, Nantes: 1 } });
    const revealed = await fiona.ok<{ results: { ranking: { option: string; dots: number }[]; winners: string[] } }>(
      'POST',
      `/api/polls/${id}/reveal`,
    );
    expect(revealed.results.ranking.map((r) => [r.option, r.dots])).toEqual([
      ['Lille', 3],
      ['Lyon', 2],
      ['Nantes', 1],
    ]);
    expect((await fiona.call('POST', `/api/polls/${id}/reveal`)).status).toBe(409);
  });

  it('M2 instant-runoff and Borda rankings', async () => {
    const irv = await open({ kind: 'ranking', options: ['Lyon', 'Lille', 'Nantes'], rule: 'instant-runoff' });
    const borda = await open({ kind: 'ranking', options: ['Lyon', 'Lille', 'Nantes'], rule: 'borda' });
    const ballots = [['Lyon', 'Lille'], ['Nantes', 'Lille'], ['Lille', 'Nantes']];
    for (const [i, v] of voters.entries()) {
      await v.ok('POST', `/api/polls/${irv}/votes`, { ranking: ballots[i] });
      await v.ok('POST', `/api/polls/${borda}/votes`, { ranking: ballots[i] });
    }
    expect((await voters[0]!.call('POST', `/api/polls/${irv}/votes`, { ranking: ['Lyon', 'Lyon'] })).status).toBe(400);
    // IRV: 1-1-1, tie in every round → Nantes (listed last) out, its ballot goes to Lille: Lille 2 of 3.
    const a = await fiona.ok<{ results: { winners: string[]; rounds: { tieBrokenByOrder: boolean }[] } }>('POST', `/api/polls/${irv}/reveal`);
    expect(a.results.winners).toEqual(['Lille']);
    expect(a.results.rounds[0]?.tieBrokenByOrder).toBe(true);
    // Borda (n = 3): Lyon 2, Lille 1 + 1 + 2 = 4, Nantes 2 + 1 = 3.
    const b = await fiona.ok<{ results: { ranking: { option: string; points: number }[] } }>('POST', `/api/polls/${borda}/reveal`);
    expect(b.results.ranking.map((r) => [r.option, r.points])).toEqual([
      ['Lille', 4],
      ['Nantes', 3],
      ['Lyon', 2],
    ]);
  });

  it('M3 consent: a block must be answered before the proposal passes', async () => {
    const id = await open({ kind: 'consent', proposal: 'We open in Lyon next spring.', rule: 'consent' });
    expect((await voters[0]!.call('POST', `/api/polls/${id}/votes`, { position: 'block' })).status).toBe(400);
    await voters[0]!.ok('POST', `/api/polls/${id}/votes`, { position: 'block', reason: 'Nobody can staff it in spring.' });
    await voters[1]!.ok('POST', `/api/polls/${id}/votes`, { position: 'object', reason: 'The budget is tight.' });
    await voters[2]!.ok('POST', `/api/polls/${id}/votes`, { position: 'agree' });
    type Consent = { results: { outcome: string; blocks: { key: string; answer: string | null }[] } };
    const revealed = await fiona.ok<Consent>('POST', `/api/polls/${id}/reveal`);
    expect(revealed.results.outcome).toBe('blocked');
    const key = revealed.results.blocks[0]!.key;
    expect((await voters[1]!.call('POST', `/api/polls/${id}/block-answers`, { key, answer: 'no' })).status).toBe(403);
    expect((await fiona.call('POST', `/api/polls/${id}/block-answers`, { key: 'nope', answer: 'no' })).status).toBe(400);
    const answered = await fiona.ok<Consent>('POST', `/api/polls/${id}/block-answers`, { key, answer: 'Two hires are budgeted.' });
    expect(answered.results).toMatchObject({ outcome: 'passes', blocks: [{ key, answer: 'Two hires are budgeted.' }] });
  });

  it('M4 the review date: the facilitator is reminded, members are asked to rate, ratings open', async () => {
    const reviewDate = new Date(Date.now() + 1500).toISOString();
    await fiona.ok('POST', `/api/activities/${activityId}/decision`, {
      outcome: 'We open in Lille.',
      rationale: 'Lille won the dots and the runoff.',
      reviewDate,
    });
    expect((await voters[0]!.call('POST', `/api/activities/${activityId}/decision/ratings`, { rating: 4 })).status).toBe(409);
    const started = Date.now();
    let kinds: string[] = [];
    while (!kinds.includes('review_due') && Date.now() - started < 15_000) {
      await new Promise((r) => setTimeout(r, 100));
      kinds = (await fiona.ok<{ notices: { kind: string }[] }>('GET', '/api/decision-notices')).notices.map((n) => n.kind);
    }
    expect(kinds).toEqual(expect.arrayContaining(['review_due', 'rate', 'published']));
    const { notices } = await voters[2]!.ok<{ notices: { id: number; kind: string }[] }>('GET', '/api/decision-notices');
    expect(notices.map((n) => n.kind)).toEqual(['rate', 'published']);
    await voters[2]!.ok('POST', `/api/decision-notices/${notices[0]!.id}/read`);
    expect((await voters[0]!.call('POST', `/api/decision-notices/${notices[0]!.id}/read`)).status).toBe(404);
    await voters[0]!.ok('POST', `/api/activities/${activityId}/decision/ratings`, { rating: 4, comment: 'Sales are on plan.' });
    const record = await voters[1]!.ok<{ ratings: { count: number; mean: number; comments: string[] } }>(
      'POST',
      `/api/activities/${activityId}/decision/ratings`,
      { rating: 2 },
    );
    expect(record.ratings).toMatchObject({ count: 2, mean: 3, comments: ['Sales are on plan.'] });
    expect((await voters[1]!.call('POST', `/api/activities/${activityId}/decision/ratings`, { rating: 6 })).status).toBe(400);
    await voters[1]!.ok('POST', `/api/activities/${activityId}/decision/acknowledgement`);
    const after = await fiona.ok<{ recipients: { name: string; acknowledgedVia: string | null }[] }>('GET', `/api/activities/${activityId}/decision`);
    expect(after.recipients.find((r) => r.name === 'Carol Petit')?.acknowledgedVia).toBe('app');
  });
});
