import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, addPerson, setUpOrganisation } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { queryStore } from '../../support/store.ts';

interface IdeaView {
  id: string;
  title: string;
  votes: number;
  stage: string;
  moderation: string;
  offTopicReason: string | null;
  reports: number;
  hidden: { reason: string } | null;
}
interface Queues {
  inbound: IdeaView[];
  offTopic: IdeaView[];
  reported: (IdeaView & { reportDetails: { reason: string }[] })[];
  topVoted: IdeaView[];
}

/**
 * Moderation and the funnel of an idea box on a real relay: pre-moderation, the inbound,
 * off-topic, reported and top-voted queues, reports bounded per person, hiding with a
 * reason its author reads, stages named by the box; a member without rights is refused
 * every facilitator's move (403) and nothing changes.
 */
describe('moderating an idea box', () => {
  let relay: RelayProcess;
  let fiona: Api;
  let bob: Api;
  let carol: Api;
  let dan: Api;
  let boxId: string;

  beforeAll(async () => {
    relay = await startRelayProcess();
    const admin = await setUpOrganisation(relay.url);
    fiona = (await addPerson(admin, 'Fiona Facilitator')).api;
    bob = (await addPerson(admin, 'Bob Martin')).api;
    carol = (await addPerson(admin, 'Carol Petit')).api;
    dan = (await addPerson(admin, 'Dan Roux')).api;
    ({ id: boxId } = await fiona.ok<{ id: string }>('POST', '/api/activities', {
      kind: 'ideas',
      title: 'Si j’étais Maison Durand',
      question: 'If you were us, what would you do?',
      categories: ['Loyalty', 'Shopping'],
    }));
  });

  afterAll(async () => {
    await relay?.stop();
    if (relay) await removeDataDir(relay.dataDir);
  });

  const propose = async (who: Api, title: string) =>
    (await who.ok<{ id: string; moderation: string }>('POST', `/api/activities/${boxId}/ideas`, { title, text: 'Because customers asked.', category: 'Loyalty' }));
  const queues = () => fiona.ok<Queues>('GET', `/api/activities/${boxId}/idea-queues`);
  const snapshot = () =>
    queryStore(relay.dataDir, `SELECT id, moderation, off_topic_reason, shortlisted_at, hidden_at, reviewed_at, status, vote_count,
      (SELECT COUNT(*) FROM idea_reports r WHERE r.idea_id = ideas.id) AS reports FROM ideas ORDER BY id`);

  let pending: string;
  it('M1 with pre-moderation, a new idea is its author’s and the facilitators’ until approved', async () => {
    expect(await fiona.ok('PATCH', `/api/activities/${boxId}/idea-settings`, { premoderation: true })).toEqual({ premoderation: true, stageNames: {} });
    const posted = await propose(bob, 'Double points on Mondays');
    expect(posted.moderation).toBe('pending');
    pending = posted.id;
    expect((await carol.call('GET', `/api/ideas/${pending}`)).status).toBe(404);
    expect((await carol.ok<{ ideas: IdeaView[] }>('GET', `/api/activities/${boxId}/ideas`)).ideas).toEqual([]);
    expect((await carol.call('POST', `/api/ideas/${pending}/votes`)).status).toBe(404);
    expect(await bob.ok('GET', `/api/ideas/${pending}`)).toMatchObject({ moderation: 'pending', stage: 'submitted' });
    expect((await queues()).inbound.map((i) => i.id)).toEqual([pending]);

    const approved = await fiona.ok<IdeaView>('POST', `/api/ideas/${pending}/moderation`, { decision: 'approve' });
    expect(approved.moderation).toBe('approved');
    expect(await carol.ok('GET', `/api/ideas/${pending}`)).toMatchObject({ title: 'Double points on Mondays', moderation: 'approved' });
    expect((await queues()).inbound).toEqual([]);
    const notices = await bob.ok<{ notices: { kind: string }[] }>('GET', '/api/idea-notices');
    expect(notices.notices.map((n) => n.kind)).toEqual(['approved']);
    expect(await fiona.ok('PATCH', `/api/activities/${boxId}/idea-settings`, { premoderation: false })).toMatchObject({ premoderation: false });
  });

  let offTopic: string;
  it('M2 off topic needs a reason its author reads; the idea leaves the list for the off-topic queue', async () => {
    offTopic = (await propose(carol, 'Cheaper parking downtown')).id;
    expect((await queues()).inbound.map((i) => i.id)).toEqual([offTopic]);
    const before = await snapshot();
    const noReason = await fiona.call<{ error: { code: string } }>('POST', `/api/ideas/${offTopic}/moderation`, { decision: 'off_topic' });
    expect(noReason.status).toBe(400);
    expect(await snapshot()).toEqual(before);
    await fiona.ok('POST', `/api/ideas/${offTopic}/moderation`, { decision: 'off_topic', reason: 'Parking is the town’s, not ours.' });
    expect((await bob.call('GET', `/api/ideas/${offTopic}`)).status).toBe(404);
    expect(await carol.ok('GET', `/api/ideas/${offTopic}`)).toMatchObject({ moderation: 'off_topic', offTopicReason: 'Parking is the town’s, not ours.' });
    const q = await queues();
    expect(q.offTopic.map((i) => i.id)).toEqual([offTopic]);
    expect(q.inbound).toEqual([]);
    const [notice] = (await carol.ok<{ notices: { kind: string; reason: string }[] }>('GET', '/api/idea-notices')).notices;
    expect(notice).toMatchObject({ kind: 'off_topic', reason: 'Parking is the town’s, not ours.' });
  });

  it('M3 a report once per person and idea, at most 20 a day; hiding answers them with a reason the author reads', async () => {
    const report = (who: Api, id: string) => who.call<{ error: { code: string } }>('POST', `/api/ideas/${id}/reports`, { reason: 'offensive', note: 'Rude.' });
    expect((await report(carol, pending)).status).toBe(201);
    expect((await report(carol, pending)).status).toBe(409);
    expect((await report(bob, pending)).status).toBe(403);
    expect((await report(dan, pending)).status).toBe(201);
    const q = await queues();
    expect(q.reported.map((i) => [i.id, i.reportDetails.length])).toEqual([[pending, 2]]);
    // Only facilitators see how many reports wait.
    expect(await carol.ok('GET', `/api/ideas/${pending}`)).toMatchObject({ reports: 0 });
    expect(await fiona.ok('GET', `/api/ideas/${pending}`)).toMatchObject({ reports: 2 });

    // Dan reports 19 more ideas (20 in 24 hours); the 21st is refused and stored nowhere.
    for (let i = 0; i < 19; i++) expect((await report(dan, (await propose(bob, `Idea number ${i}`)).id)).status).toBe(201);
    const last = (await propose(bob, 'One idea too many')).id;
    const before = await snapshot();
    const refused = await report(dan, last);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(await snapshot()).toEqual(before);

    await fiona.ok('POST', `/api/ideas/${pending}/hidden`, { reason: 'Insults a colleague.' });
    expect((await queues()).reported.map((i) => i.id)).not.toContain(pending);
    const notices = await bob.ok<{ notices: { kind: string; reason: string | null }[] }>('GET', '/api/idea-notices');
    expect(notices.notices[0]).toMatchObject({ kind: 'hidden', reason: 'Insults a colleague.' });
    expect(await bob.ok('GET', `/api/ideas/${pending}`)).toMatchObject({ hidden: { reason: 'Insults a colleague.' } });
    await fiona.ok('DELETE', `/api/ideas/${pending}/hidden`);
  });

  it('M4 stages named by the box; shortlisting; the top-voted queue lists what to study', async () => {
    const names = { shortlisted: 'Retenue', under_study: 'En étude' };
    expect(await fiona.ok('PATCH', `/api/activities/${boxId}/idea-settings`, { stageNames: names })).toEqual({ premoderation: false, stageNames: names });
    expect(await carol.ok('GET', `/api/activities/${boxId}/ideas`)).toMatchObject({ stageNames: names, premoderation: false });
    const top = (await propose(carol, 'Free coffee for loyal customers')).id;
    for (const who of [bob, dan]) await who.ok('POST', `/api/ideas/${top}/votes`);
    await dan.ok('POST', `/api/ideas/${pending}/votes`);
    expect((await queues()).topVoted.map((i) => [i.id, i.votes])).toEqual([
      [top, 2],
      [pending, 1],
    ]);
    expect(await fiona.ok('POST', `/api/ideas/${top}/shortlist`, {})).toMatchObject({ stage: 'shortlisted' });
    expect((await fiona.call('POST', `/api/ideas/${top}/shortlist`, {})).status).toBe(409);
    const shortlisted = await carol.ok<{ ideas: IdeaView[] }>('GET', `/api/activities/${boxId}/ideas?stage=shortlisted`);
    expect(shortlisted.ideas.map((i) => i.id)).toEqual([top]);
    expect(await fiona.ok('POST', `/api/ideas/${top}/status`, { status: 'under_study' })).toMatchObject({ stage: 'under_study' });
    expect((await fiona.call('DELETE', `/api/ideas/${top}/shortlist`)).status).toBe(409);
  });

  it('M5 a member without rights is refused every facilitator’s move (403) and nothing changes', async () => {
    const target = (await propose(bob, 'Self-checkout everywhere')).id;
    const settingsBefore = await fiona.ok('GET', `/api/activities/${boxId}/idea-settings`);
    const before = await snapshot();
    for (const [method, path, body] of [
      ['PATCH', `/api/activities/${boxId}/idea-settings`, { premoderation: true }],
      ['GET', `/api/activities/${boxId}/idea-queues`, undefined],
      ['POST', `/api/ideas/${target}/moderation`, { decision: 'off_topic', reason: 'No.' }],
      ['POST', `/api/ideas/${target}/shortlist`, {}],
      ['DELETE', `/api/ideas/${pending}/reports`, undefined],
      ['POST', `/api/ideas/${target}/hidden`, { reason: 'No.' }],
    ] as const) {
      const refused = await carol.call<{ error: { code: string } }>(method, path, body);
      expect({ path, status: refused.status, code: refused.body.error.code }).toEqual({ path, status: 403, code: 'forbidden' });
    }
    expect(await snapshot()).toEqual(before);
    expect(await fiona.ok('GET', `/api/activities/${boxId}/idea-settings`)).toEqual(settingsBefore);
  });
});
