import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, Api, setUpOrganisation } from '../../support/api.ts';
import { startPostgres, type PostgresCluster } from '../../support/postgres.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';

/**
 * On PostgreSQL the store links an anonymous ballot to its voter: one transaction writes the
 * voter's participation flag and the ballot, and both row versions carry its id (`xmin`). So
 * there the relay seals anonymous ballots with its secret key (server/polls/sealing.ts), and
 * without a key opens no anonymous poll. This suite holds the database as an outsider would —
 * SQL on its tables, and the cluster's files on disk (heap and WAL) — and finds the link, but
 * nothing it leads to.
 */
describe('anonymous polls on a PostgreSQL store', () => {
  let cluster: PostgresCluster;
  let clusterDir: string;
  let relay: RelayProcess;
  let fiona: Api;
  let voters: Api[];
  let activityId: string;
  let databaseUrl: string;
  const key = randomBytes(32).toString('hex');
  const deadline = () => new Date(Date.now() + 86_400_000).toISOString();
  // Words found nowhere else, so that finding one in the files can only mean that text.
  const marker = `Zyxqwv${randomBytes(6).toString('hex')}`;
  const question = `Do we close the Lille store on Sundays ${marker}Question?`;
  const reasons = [`${marker}BlockReasonAlpha staff rota`, `${marker}ObjectReasonBeta customers`];

  const consent = { kind: 'consent', question, proposal: 'Close the Lille store on Sundays from January.', rule: 'consent', anonymous: true };
  const single = { kind: 'single', question, options: ['Yes', 'No, keep Sunday opening all year'], rule: 'plurality', anonymous: true };

  async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query<T>(text, params)).rows;
    } finally {
      await client.end();
    }
  }

  /** Every file of the cluster (tables, indexes, WAL), read as bytes. */
  async function clusterFiles(): Promise<Buffer[]> {
    const files: Buffer[] = [];
    const walk = async (dir: string) => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (entry.isFile() && (await stat(full)).size > 0) files.push(await readFile(full));
      }
    };
    await walk(path.join(clusterDir, 'data', 'base'));
    await walk(path.join(clusterDir, 'data', 'pg_wal'));
    return files;
  }

  beforeAll(async () => {
    clusterDir = await mkdtemp(path.join(tmpdir(), 'conclave-pg-ballots-'));
    cluster = await startPostgres({ dir: clusterDir });
    databaseUrl = await cluster.createDatabase();
    relay = await startRelayProcess({ env: { CONCLAVE_DATABASE_URL: databaseUrl } });
    const admin = await setUpOrganisation(relay.url);
    fiona = (await addPerson(admin, 'Fiona Facilitator')).api;
    ({ id: activityId } = await fiona.ok<{ id: string }>('POST', '/api/activities', { title: 'Sunday opening', question }));
    voters = [];
    for (const name of ['Bob Martin', 'Carol Petit', 'Driss Amrani']) {
      const person = await addPerson(admin, name);
      await fiona.ok('POST', `/api/activities/${activityId}/members`, { userId: person.id, role: 'contributor' });
      voters.push(person.api);
    }
  }, 180_000);

  afterAll(async () => {
    await relay?.stop();
    if (relay) await removeDataDir(relay.dataDir);
    await cluster?.stop();
    if (clusterDir) await rm(clusterDir, { recursive: true, force: true });
  });

  it('without a secret key: no anonymous poll opens (409, naming the key), a named one does', async () => {
    const refused = await fiona.call<{ error: { message: string } }>('POST', `/api/activities/${activityId}/polls`, {
      ...single,
      deadline: deadline(),
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('CONCLAVE_SECRET_KEY');
    expect(await fiona.ok<{ polls: unknown[] }>('GET', `/api/activities/${activityId}/polls`)).toMatchObject({ polls: [] });
    const named = await fiona.call('POST', `/api/activities/${activityId}/polls`, { ...single, anonymous: false, deadline: deadline() });
    expect(named.status).toBe(201);
  });

  it('with the key: the store links each ballot to its voter, and the ballot it links to tells nothing', async () => {
    relay = await relayWith(key);
    const { id } = await fiona.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, { ...consent, deadline: deadline() });
    await voters[0]!.ok('POST', `/api/polls/${id}/votes`, { position: 'block', reason: reasons[0] });
    await voters[1]!.ok('POST', `/api/polls/${id}/votes`, { position: 'object', reason: reasons[1] });
    await voters[2]!.ok('POST', `/api/polls/${id}/votes`, { position: 'agree' });
    const again = await voters[2]!.call('POST', `/api/polls/${id}/votes`, { position: 'block', reason: 'changed my mind' });
    expect(again.status).toBe(409);

    // The outsider's link: a voter's participation row and a ballot written by one transaction.
    const marks = await sql<{ tx: string; user_id: string }>(
      'SELECT xmin::text AS tx, user_id FROM poll_participants WHERE poll_id = $1 AND voted = 1',
      [id],
    );
    const ballots = await sql<{ tx: string; ballot: string }>('SELECT xmin::text AS tx, ballot FROM poll_ballots WHERE poll_id = $1', [id]);
    expect(marks).toHaveLength(3);
    expect(ballots).toHaveLength(3);
    for (const mark of marks) expect(ballots.filter((b) => b.tx === mark.tx)).toHaveLength(1);
    // What it leads to: no position, no reason, and every ballot the same length.
    for (const b of ballots) {
      expect(b.ballot).toMatch(/^b1:/);
      expect(b.ballot).not.toMatch(/block|object|agree|Reason/);
    }
    expect(new Set(ballots.map((b) => b.ballot.length)).size).toBe(1);

    // The files: the question (kept in clear) is found in them, the reasons are not.
    await sql('CHECKPOINT');
    const files = await clusterFiles();
    const found = (text: string) => files.some((f) => f.includes(Buffer.from(text, 'utf8')));
    expect(found(`${marker}Question`)).toBe(true);
    expect(found(`${marker}BlockReasonAlpha`)).toBe(false);
    expect(found(`${marker}ObjectReasonBeta`)).toBe(false);

    // The relay opens them to count the revealed round; the facilitator answers the block.
    const view = await fiona.ok<{ results: { blocks: { key: string; reason: string }[]; objections: { reason: string }[] } }>(
      'POST',
      `/api/polls/${id}/reveal`,
    );
    expect(view.results.blocks.map((b) => b.reason)).toEqual([reasons[0]]);
    expect(view.results.objections.map((o) => o.reason)).toEqual([reasons[1]]);
    await fiona.ok('POST', `/api/polls/${id}/block-answers`, { key: view.results.blocks[0]!.key, answer: 'We rotate volunteers.' });
  });

  it('a relay without the key it sealed with says so and reveals nothing rather than count without the ballots; given it back, it reveals and counts', async () => {
    const { id } = await fiona.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, { ...single, deadline: deadline() });
    await voters[0]!.ok('POST', `/api/polls/${id}/votes`, { choice: 'Yes' });
    await voters[1]!.ok('POST', `/api/polls/${id}/votes`, { choice: 'No, keep Sunday opening all year' });
    await voters[2]!.ok('POST', `/api/polls/${id}/votes`, { choice: 'Yes' });
    relay = await relayWith(randomBytes(32).toString('hex'));
    const wrong = await fiona.call<{ error: { code: string; message: string } }>('POST', `/api/polls/${id}/reveal`);
    expect(wrong.status).toBe(500);
    expect(wrong.body.error.message).toContain('CONCLAVE_SECRET_KEY');
    expect(await fiona.ok<{ status: string }>('GET', `/api/polls/${id}`)).toMatchObject({ status: 'open' });
    relay = await relayWith(key);
    const view = await fiona.ok<{ results: { counts: { votes: number }[] } }>('POST', `/api/polls/${id}/reveal`);
    expect(view.results.counts.map((c) => c.votes)).toEqual([2, 1]);
  });

  it('every sealed ballot of a poll has one length, even a score sheet longer than 16 KiB: its numbers do not show', async () => {
    // 30 options by 20 criteria: scored in whole numbers a sheet fits 16 KiB, in long decimals it does not.
    const options = Array.from({ length: 30 }, (_, i) => `Site ${String(i).padStart(2, '0')}`);
    const criteria = Array.from({ length: 20 }, (_, i) => ({ label: `Criterion ${String(i).padStart(2, '0')} cost`, weight: 1 }));
    const matrix = { kind: 'matrix', question, options, criteria, rule: 'weighted-sum', anonymous: true };
    const { id } = await fiona.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, { ...matrix, deadline: deadline() });
    const sheet = (score: number) => ({
      scores: Object.fromEntries(options.map((o) => [o, Object.fromEntries(criteria.map((c) => [c.label, score]))])),
    });
    expect(JSON.stringify(sheet(7)).length).toBeLessThan(16 * 1024 - 4);
    expect(JSON.stringify(sheet(0.30000000000000004)).length).toBeGreaterThan(16 * 1024);
    await voters[0]!.ok('POST', `/api/polls/${id}/votes`, sheet(7));
    await voters[1]!.ok('POST', `/api/polls/${id}/votes`, sheet(0.30000000000000004));
    const lengths = await sql<{ n: number }>('SELECT length(ballot) AS n FROM poll_ballots WHERE poll_id = $1', [id]);
    expect(lengths).toHaveLength(2);
    expect(new Set(lengths.map((l) => l.n)).size).toBe(1);
  });

  it('a relay whose key changed mid-round takes no ballot it could not count with the others, so no round is left sealed under two keys', async () => {
    const { id } = await fiona.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, { ...single, deadline: deadline() });
    await voters[0]!.ok('POST', `/api/polls/${id}/votes`, { choice: 'Yes' });
    relay = await relayWith(randomBytes(32).toString('hex'));
    const refused = await voters[1]!.call<{ error: { message: string } }>('POST', `/api/polls/${id}/votes`, { choice: 'Yes' });
    expect(refused.status).toBe(500);
    expect(refused.body.error.message).toContain('CONCLAVE_SECRET_KEY');
    expect(await sql('SELECT 1 FROM poll_ballots WHERE poll_id = $1', [id])).toHaveLength(1);
    expect(await sql('SELECT 1 FROM poll_participants WHERE poll_id = $1 AND voted = 1', [id])).toHaveLength(1);
    relay = await relayWith(key);
    await voters[1]!.ok('POST', `/api/polls/${id}/votes`, { choice: 'No, keep Sunday opening all year' });
    await voters[2]!.ok('POST', `/api/polls/${id}/votes`, { choice: 'Yes' });
    const view = await fiona.ok<{ results: { counts: { votes: number }[] } }>('POST', `/api/polls/${id}/reveal`);
    expect(view.results.counts.map((c) => c.votes)).toEqual([2, 1]);
  });

  it('a deadline revealing a round the relay cannot count leaves the activity\u2019s other polls shown, and that round says why; given the key back, it is counted', async () => {
    const { id: named } = await fiona.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, { ...single, anonymous: false, deadline: deadline() });
    await voters[1]!.ok('POST', `/api/polls/${named}/votes`, { choice: 'Yes' });
    await fiona.ok('POST', `/api/polls/${named}/reveal`);
    const { id } = await fiona.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, {
      ...single,
      deadline: new Date(Date.now() + 3000).toISOString(),
    });
    await voters[0]!.ok('POST', `/api/polls/${id}/votes`, { choice: 'No, keep Sunday opening all year' });
    relay = await relayWith(randomBytes(32).toString('hex'));
    type Listed = { id: string; status: string; rounds: { result: unknown; uncounted?: boolean }[] };
    let listed: Listed[] = [];
    for (let i = 0; i < 100; i++) {
      const answer = await fiona.call<{ polls: Listed[] }>('GET', `/api/activities/${activityId}/polls`);
      expect(answer.status).toBe(200);
      listed = answer.body.polls;
      if (listed.find((p) => p.id === id)?.status === 'revealed') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const stuck = listed.find((p) => p.id === id)!;
    expect(stuck.status).toBe('revealed');
    expect(stuck.rounds[0]).toMatchObject({ result: null, uncounted: true });
    // A named poll of the activity is still counted beside it.
    expect(listed.find((p) => p.id === named)?.rounds[0]?.result).not.toBeNull();
    relay = await relayWith(key);
    const counted = await fiona.ok<{ rounds: { uncounted?: boolean }[]; results: { counts: { votes: number }[] } }>('GET', `/api/polls/${id}`);
    expect(counted.rounds[0]?.uncounted).toBeUndefined();
    expect(counted.results.counts.map((c) => c.votes)).toEqual([0, 1]);
  });

  it('a poll opened under one key takes no ballot sealed under another, not even its first: two relays on one store given different keys', async () => {
    const other = await startRelayProcess({ env: { CONCLAVE_DATABASE_URL: databaseUrl, CONCLAVE_SECRET_KEY: randomBytes(32).toString('hex') } });
    try {
      const { id } = await fiona.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, { ...single, deadline: deadline() });
      const first = await new Api(other.url, voters[0]!.token).call<{ error: { message: string } }>('POST', `/api/polls/${id}/votes`, { choice: 'Yes' });
      expect(first.status).toBe(500);
      expect(first.body.error.message).toContain('CONCLAVE_SECRET_KEY');
      expect(await sql('SELECT 1 FROM poll_ballots WHERE poll_id = $1', [id])).toHaveLength(0);
      for (const [i, choice] of ['Yes', 'No, keep Sunday opening all year', 'Yes'].entries()) {
        await voters[i]!.ok('POST', `/api/polls/${id}/votes`, { choice });
      }
      const view = await fiona.ok<{ results: { counts: { votes: number }[] } }>('POST', `/api/polls/${id}/reveal`);
      expect(view.results.counts.map((c) => c.votes)).toEqual([2, 1]);
    } finally {
      await other.stop();
      await removeDataDir(other.dataDir);
    }
  });

  it('a block answered and put on the decision record leads the database back to no voter: the key it is known by is not the stored one', async () => {
    const { id } = await fiona.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, { ...consent, deadline: deadline() });
    const blockReason = `${marker}RecordBlock the rota`;
    await voters[0]!.ok('POST', `/api/polls/${id}/votes`, { position: 'agree' });
    await voters[1]!.ok('POST', `/api/polls/${id}/votes`, { position: 'block', reason: blockReason });
    await voters[2]!.ok('POST', `/api/polls/${id}/votes`, { position: 'object', reason: `${marker}RecordObject` });
    const view = await fiona.ok<{ results: { blocks: { key: string }[] } }>('POST', `/api/polls/${id}/reveal`);
    await fiona.ok('POST', `/api/polls/${id}/block-answers`, { key: view.results.blocks[0]!.key, answer: 'We rotate volunteers.' });
    await fiona.ok('POST', `/api/activities/${activityId}/decision`, { outcome: 'We close on Sundays.', rationale: 'Most agree.', polls: [id] });
    const record = await fiona.ok<{ results: { result: { blocks: { reason: string; answer: string | null }[] } }[] }>(
      'GET',
      `/api/activities/${activityId}/decision`,
    );
    expect(record.results[0]!.result.blocks).toMatchObject([{ reason: blockReason, answer: 'We rotate volunteers.' }]);

    // The outsider pairs each voter with a stored ballot key (xmin), then looks for those keys in every other table.
    const marks = await sql<{ tx: string; user_id: string }>('SELECT xmin::text AS tx, user_id FROM poll_participants WHERE poll_id = $1 AND voted = 1', [id]);
    const ballots = await sql<{ tx: string; ballot_key: string }>('SELECT xmin::text AS tx, ballot_key FROM poll_ballots WHERE poll_id = $1', [id]);
    const keyOf = new Map(marks.map((m) => [m.user_id, ballots.find((b) => b.tx === m.tx)!.ballot_key]));
    expect(keyOf.size).toBe(3);
    const tables = await sql<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'poll_ballots'",
    );
    const found: string[] = [];
    for (const { name } of tables) {
      for (const { row } of await sql<{ row: string }>(`SELECT t::text AS row FROM "${name}" t`)) {
        for (const [userId, ballotKey] of keyOf) if (row.includes(ballotKey)) found.push(`${name}: ${userId}`);
      }
    }
    expect(found).toEqual([]);
  });

  async function relayWith(secret: string): Promise<RelayProcess> {
    await relay.stop();
    return startRelayProcess({
      dataDir: relay.dataDir,
      port: Number(new URL(relay.url).port),
      env: { CONCLAVE_DATABASE_URL: databaseUrl, CONCLAVE_SECRET_KEY: secret },
    });
  }
});
