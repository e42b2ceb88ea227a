import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { queryStore } from '../../support/store-reader.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

/**
 * Sealed input (votes, estimates) stays on the relay until the reveal: not in the
 * Y.Doc, not in any API answer (the admin's and the facilitator's included), not in any
 * frame the relay sends.
 */
describe('sealed polls', () => {
  let relay: RelayProcess;
  let admin: Api;
  let fiona: Api;
  let bob: Api;
  let carol: Api;
  let vic: Api;
  let activityId: string;
  let bobClient: SyncClient;
  let wire: { socket: WebSocket; frames: Buffer[] };
  const inFuture = (ms = 3_600_000) => new Date(Date.now() + ms).toISOString();
  // Distinctive sealed values: if any of these shows up before the reveal, it leaked.
  const secrets = ['7331.25', 'zebra-reason-bob', '4242.5', 'yak-reason-carol'];

  beforeAll(async () => {
    relay = await startRelayProcess();
    admin = await setUpOrganisation(relay.url);
    const f = await addPerson(admin, 'Fiona Facilitator');
    const b = await addPerson(admin, 'Bob Martin');
    const c = await addPerson(admin, 'Carol Petit');
    const v = await addPerson(admin, 'Vic Viewer');
    [fiona, bob, carol, vic] = [f.api, b.api, c.api, v.api];
    ({ id: activityId } = await fiona.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Next store',
      question: 'Where do we open the next store?',
    }));
    const me = await admin.ok<{ id: string }>('GET', '/api/me');
    for (const [userId, role] of [
      [b.id, 'contributor'],
      [c.id, 'contributor'],
      [v.id, 'viewer'],
      [me.id, 'viewer'],
    ] as const) {
      await fiona.ok('POST', `/api/activities/${activityId}/members`, { userId, role });
    }
    bobClient = await connectClient(bob, activityId);
    await synced(bobClient);
    const t = await admin.ok<{ url: string; room: string; ticket: string }>('POST', `/api/activities/${activityId}/sync-ticket`);
    const socket = new WebSocket(`${t.url}/${t.room}?ticket=${t.ticket}`);
    wire = { socket, frames: [] };
    socket.on('message', (data: Buffer) => wire.frames.push(Buffer.from(data)));
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
  });

  afterAll(async () => {
    bobClient?.destroy();
    wire?.socket.close();
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  const single = (over: Record<string, unknown> = {}) => ({
    kind: 'single',
    question: 'Where do we open the next store?',
    options: ['Lyon', 'Lille', 'Nantes'],
    rule: 'plurality',
    deadline: inFuture(),
    ...over,
  });

  it('G1 the question gate: no poll without a precise question, options, rule and a future deadline', async () => {
    const refusals = [
      single({ deadline: undefined }),
      single({ deadline: new Date(Date.now() - 1000).toISOString() }),
      single({ options: ['Lyon'] }),
      single({ rule: undefined }),
      single({ question: 'Where?' }),
    ];
    for (const body of refusals) {
      const { status, body: out } = await fiona.call<{ error: { code: string; message: string } }>(
        'POST',
        `/api/activities/${activityId}/polls`,
        JSON.parse(JSON.stringify(body)),
      );
      expect(status).toBe(400);
      expect(out.error.message).toMatch(/deadline|option|rule|question/);
    }
    expect((await bob.call('POST', `/api/activities/${activityId}/polls`, single())).status).toBe(403);
    expect((await admin.call('POST', `/api/activities/${activityId}/polls`, single())).status).toBe(403);
    const { polls } = await fiona.ok<{ polls: unknown[] }>('GET', `/api/activities/${activityId}/polls`);
    expect(polls).toHaveLength(0);
  });

  it('S1 before the reveal only participation is visible, to everyone; nothing sealed leaks anywhere', async () => {
    const { id: pollId } = await fiona.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, single());
    const { id: estimateId } = await fiona.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, {
      kind: 'estimate',
      question: 'How much will the new store sell in its first year?',
      quantity: 'first-year sales',
      unit: 'k€',
      rule: 'median',
      deadline: inFuture(),
    });
    expect((await fiona.ok<{ status: string }>('GET', `/api/activities/${activityId}`)).status).toBe('deciding');
    const before = await admin.ok<Record<string, unknown>>('GET', `/api/polls/${pollId}`);

    await bob.ok('POST', `/api/polls/${pollId}/votes`, { choice: 'Lille' });
    await carol.ok('POST', `/api/polls/${pollId}/votes`, { choice: 'Lille' });
    await carol.ok('POST', `/api/polls/${pollId}/votes`, { choice: 'Nantes' }); // changed before the reveal: allowed
    await fiona.ok('POST', `/api/polls/${pollId}/votes`, { choice: 'Lille' });
    await bob.ok('POST', `/api/polls/${estimateId}/votes`, { value: 7331.25, reason: 'zebra-reason-bob' });
    await carol.ok('POST', `/api/polls/${estimateId}/votes`, { value: 4242.5, reason: 'yak-reason-carol' });
    expect((await vic.call('POST', `/api/polls/${pollId}/votes`, { choice: 'Lyon' })).status).toBe(403);
    // Visible live traffic on the same wire, so the capture below is known to work.
    bobClient.doc.getText('notes').insert(0, 'visible-board-entry'); // a contributor's plain edit (SPEC W5: boards are the facilitator's)
    await waitFor(() => wire.frames.some((f) => f.includes('visible-board-entry')), 10_000, 'the board edit on the wire');

    // Every API answer, for every role, before the reveal: nobody reads another's input.
    const own = new Map<Api, string[]>([
      [bob, ['7331.25', 'zebra-reason-bob']],
      [carol, ['4242.5', 'yak-reason-carol']],
    ]);
    for (const api of [admin, fiona, bob, carol, vic]) {
      for (const path of [`/api/polls/${pollId}`, `/api/polls/${estimateId}`, `/api/activities/${activityId}/polls`, `/api/activities/${activityId}`]) {
        const text = JSON.stringify(await api.ok('GET', path));
        for (const secret of secrets.filter((s) => !own.get(api)?.includes(s))) expect(text, `${path}`).not.toContain(secret);
      }
    }
    const facilitatorView = await fiona.ok<{
      results: unknown;
      participation: { taken: { name: string }[]; waiting: { name: string }[] };
      rounds: { result: unknown; choices: unknown }[];
    }>('GET', `/api/polls/${pollId}`);
    expect(facilitatorView.results).toBeNull();
    expect(facilitatorView.rounds[0]).toMatchObject({ result: null, choices: null });
    expect(facilitatorView.participation.taken.map((p) => p.name)).toEqual(['Bob Martin', 'Carol Petit', 'Fiona Facilitator']);
    // The admin's view differs from before the votes only by who took part.
    const after = await admin.ok<Record<string, unknown>>('GET', `/api/polls/${pollId}`);
    const strip = (v: Record<string, unknown>) => ({ ...v, participation: null, rounds: (v.rounds as object[]).map((r) => ({ ...r, participants: null })) });
    expect(strip(after)).toEqual(strip(before));
    // A voter sees their own input (to change it), and only theirs.
    const carolsView = JSON.stringify(await carol.ok('GET', `/api/polls/${estimateId}`));
    expect(carolsView).toContain('yak-reason-carol');
    expect(carolsView).not.toContain('zebra-reason-bob');

    // Not in the shared document, not on the wire.
    const docText = Buffer.from(Y.encodeStateAsUpdate(bobClient.doc)).toString('latin1');
    expect(docText).toContain('visible-board-entry');
    const wireText = Buffer.concat(wire.frames).toString('latin1');
    for (const secret of [...secrets, 'Nantes']) {
      expect(docText).not.toContain(secret);
      expect(wireText).not.toContain(secret);
    }

    // The reveal: facilitator only; then results and who chose what.
    expect((await carol.call('POST', `/api/polls/${pollId}/reveal`)).status).toBe(403);
    expect((await admin.call('POST', `/api/polls/${pollId}/reveal`)).status).toBe(403);
    const revealed = await fiona.ok<{
      status: string;
      results: { counts: { option: string; votes: number }[]; winners: string[] };
      rounds: { choices: { name: string; ballot: unknown }[] }[];
    }>('POST', `/api/polls/${pollId}/reveal`);
    expect(revealed.status).toBe('revealed');
    expect(revealed.results.counts).toEqual([
      { option: 'Lyon', votes: 0, share: 0 },
      { option: 'Lille', votes: 2, share: 2 / 3 },
      { option: 'Nantes', votes: 1, share: 1 / 3 },
    ]);
    expect(revealed.results.winners).toEqual(['Lille']);
    expect(revealed.rounds[0]?.choices).toContainEqual(expect.objectContaining({ name: 'Carol Petit', ballot: { choice: 'Nantes' } }));
    const late = await bob.call<{ error: { code: string } }>('POST', `/api/polls/${pollId}/votes`, { choice: 'Lyon' });
    expect(late.status).toBe(409);
    // The estimate is still sealed.
    expect(JSON.stringify(await admin.ok('GET', `/api/polls/${estimateId}`))).not.toContain('7331.25');
  });

  it('P1 private-first board entries stay sealed on the relay, then appear all at once, per column', async () => {
    const { id } = await fiona.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, {
      kind: 'entries',
      question: 'What are our strengths and threats in Lille?',
      method: 'swot-lille',
      columns: ['strengths', 'weaknesses', 'opportunities', 'threats'],
      rule: 'collect',
      deadline: inFuture(),
    });
    const framesBefore = wire.frames.length;
    await bob.ok('POST', `/api/polls/${id}/votes`, { entries: [{ column: 'strengths', text: 'quokka-private-strength' }] });
    await carol.ok('POST', `/api/polls/${id}/votes`, { entries: [{ column: 'threats', text: 'narwhal-private-threat' }] });
    bobClient.doc.getText('notes').insert(0, 'second-visible-entry');
    await waitFor(() => wire.frames.some((f) => f.includes('second-visible-entry')), 10_000, 'the second board edit');
    const wireText = Buffer.concat(wire.frames.slice(framesBefore)).toString('latin1');
    const docText = Buffer.from(Y.encodeStateAsUpdate(bobClient.doc)).toString('latin1');
    for (const text of [wireText, docText, JSON.stringify(await fiona.ok('GET', `/api/polls/${id}`)), JSON.stringify(await admin.ok('GET', `/api/polls/${id}`))]) {
      expect(text).not.toContain('quokka-private-strength');
      expect(text).not.toContain('narwhal-private-threat');
    }
    const revealed = await fiona.ok<{ results: { columns: { column: string; entries: { text: string }[] }[] } }>(
      'POST',
      `/api/polls/${id}/reveal`,
    );
    expect(revealed.results.columns.map((c) => [c.column, c.entries.map((e) => e.text)])).toEqual([
      ['strengths', ['quokka-private-strength']],
      ['weaknesses', []],
      ['opportunities', []],
      ['threats', ['narwhal-private-threat']],
    ]);
  });

  it('D1 Delphi rounds: median and IQR without names; the next round shows who changed and the convergence', async () => {
    const { id } = await fiona.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, {
      kind: 'estimate',
      question: 'How many visitors a day will the store have?',
      quantity: 'visitors a day',
      rule: 'median',
      deadline: inFuture(),
    });
    await bob.ok('POST', `/api/polls/${id}/votes`, { value: 100, reason: 'like Dijon' });
    await carol.ok('POST', `/api/polls/${id}/votes`, { value: 300, reason: 'a busier street' });
    await fiona.ok('POST', `/api/polls/${id}/votes`, { value: 200, reason: 'the survey' });
    type View = { results: { summary: { median: number; iqr: number }; reasons: string[]; convergence: { iqrChange: number; converged: boolean } | null }; rounds: { choices: unknown; changedInput: { name: string }[] | null }[] };
    const first = await fiona.ok<View>('POST', `/api/polls/${id}/reveal`);
    expect(first.results.summary).toMatchObject({ median: 200, iqr: 100 }); // q1 150, q3 250
    expect(first.results.reasons).toEqual(['a busier street', 'like Dijon', 'the survey']);
    expect(first.rounds[0]?.choices).toBeNull();
    expect((await bob.call('POST', `/api/polls/${id}/rounds`, { deadline: inFuture() })).status).toBe(403);
    await fiona.ok('POST', `/api/polls/${id}/rounds`, { deadline: inFuture() });
    await bob.ok('POST', `/api/polls/${id}/votes`, { value: 180, reason: 'the survey convinced me' });
    await carol.ok('POST', `/api/polls/${id}/votes`, { value: 300, reason: 'a busier street' });
    await fiona.ok('POST', `/api/polls/${id}/votes`, { value: 200, reason: 'the survey' });
    const second = await fiona.ok<View>('POST', `/api/polls/${id}/reveal`);
    expect(second.results.summary).toMatchObject({ median: 200, iqr: 60 }); // q1 190, q3 250
    expect(second.results.convergence).toMatchObject({ iqrChange: -40, converged: true });
    expect(second.rounds[1]?.changedInput?.map((p) => p.name)).toEqual(['Bob Martin']);
  });

  it('A1 an anonymous poll never stores who chose what; its ballot is final', async () => {
    const { id } = await fiona.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, single({ anonymous: true }));
    await bob.ok('POST', `/api/polls/${id}/votes`, { choice: 'Lyon' });
    await carol.ok('POST', `/api/polls/${id}/votes`, { choice: 'Nantes' });
    await fiona.ok('POST', `/api/polls/${id}/votes`, { choice: 'Nantes' });
    const again = await bob.call<{ error: { message: string } }>('POST', `/api/polls/${id}/votes`, { choice: 'Nantes' });
    expect(again.status).toBe(409);
    const view = await fiona.ok<{ rounds: { choices: unknown }[]; results: { counts: { votes: number }[] } }>(
      'POST',
      `/api/polls/${id}/reveal`,
    );
    expect(view.results.counts.map((c) => c.votes)).toEqual([1, 0, 2]);
    expect(view.rounds[0]?.choices).toBeNull();
    const bobsView = await bob.ok<{ mine: { taken: boolean; ballot: unknown } }>('GET', `/api/polls/${id}`);
    expect(bobsView.mine).toEqual({ taken: true, ballot: null });
    // In the store: ballots with a random key and no voter; nothing shared with participation.
    const users = (await queryStore<{ id: string }>(relay.dataDir, 'SELECT id FROM users')).map((u) => u.id);
    const ballots = await queryStore<{ ballot_key: string; voter_id: string | null; ballot: string }>(
      relay.dataDir,
      'SELECT * FROM poll_ballots WHERE poll_id = ?',
      [id],
    );
    expect(ballots).toHaveLength(3);
    for (const b of ballots) {
      expect(b.voter_id).toBeNull();
      expect(users).not.toContain(b.ballot_key);
      expect(Object.keys(b).sort()).toEqual(['ballot', 'ballot_key', 'poll_id', 'round', 'voter_id']);
    }
    // Participation: one row per eligible person, laid out when the round opened; a vote flips `voted`.
    const participants = await queryStore<Record<string, unknown>>(relay.dataDir, 'SELECT * FROM poll_participants WHERE poll_id = ?', [id]);
    expect(participants.map((p) => Object.keys(p).sort())).toEqual(participants.map(() => ['poll_id', 'round', 'user_id', 'voted']));
    expect(participants.filter((p) => p.voted === 1)).toHaveLength(3);
  });
});
