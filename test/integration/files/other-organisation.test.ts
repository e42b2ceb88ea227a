import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityFile } from '#core/api/files';
import type { OrganizationUsage } from '#core/api/organizations';
import { Api, password, setUpOrganisation } from '../../support/api.ts';
import { databaseOf, removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { engineOf, queryStore, writeStatements } from '../../support/store-reader.ts';
import { download, upload } from './support.ts';

/**
 * Contents are stored once for the whole relay, but whether another organisation holds some
 * bytes is never an answer: an upload of bytes only another organisation holds is handled as
 * bytes stored nowhere (status, body, storage counted, and on PostgreSQL the staging that
 * takes ~1.7 s per 100 MB, which skipped would time the answer), while bytes the uploader's
 * own organisation holds are not copied in again.
 */
let relay: RelayProcess;
let alice: Api;
let rita: Api;
let ours: string;
let theirs: string;
const size = 3 * 1024 * 1024 + 5;

/** How many chunks were staged on PostgreSQL since the test began (counted by a trigger); null on SQLite, where staging writes nothing. */
async function staged(): Promise<number | null> {
  if (engineOf(relay.dataDir) !== 'postgres') return null;
  return (await queryStore<{ n: number }>(relay.dataDir, 'SELECT n FROM test_staged_chunks'))[0]!.n;
}

const usage = async (api: Api) => (await api.ok<OrganizationUsage>('GET', '/api/organization/usage')).me.storageBytes;

/** An upload and what it changed: the answer without its ids and times, the staging and the uploader's storage. */
async function uploadSeen(api: Api, activity: string, bytes: Buffer) {
  const [stagedBefore, usedBefore] = [await staged(), await usage(api)];
  const answer = await upload(api, activity, [{ bytes, name: 'offre.bin' }]);
  const body = answer.body as ActivityFile;
  return {
    status: answer.status,
    body: { name: body.name, size: body.size, type: body.type, version: body.version },
    staged: stagedBefore === null ? null : (await staged())! - stagedBefore,
    counted: (await usage(api)) - usedBefore,
    id: body.id,
  };
}

beforeAll(async () => {
  relay = await startRelayProcess({ env: { CONCLAVE_SIGNUP: 'open', CONCLAVE_DEFAULT_PLAN: 'basic' } });
  alice = await setUpOrganisation(relay.url);
  const { token } = await new Api(relay.url).ok<{ token: string }>('POST', '/api/organizations', { organization: 'Rival Company', name: 'Rita Rival', email: 'rita@rival.example', password });
  rita = alice.as(token);
  ({ id: ours } = await alice.ok<{ id: string }>('POST', '/api/activities', { title: 'Supplier', question: 'Which supplier?' }));
  ({ id: theirs } = await rita.ok<{ id: string }>('POST', '/api/activities', { title: 'Tender', question: 'Which offer?' }));
  if (engineOf(relay.dataDir) === 'postgres') {
    await writeStatements(relay.dataDir, [
      { sql: 'CREATE TABLE test_staged_chunks (n INTEGER NOT NULL)' },
      { sql: 'INSERT INTO test_staged_chunks (n) VALUES (0)' },
      { sql: 'CREATE FUNCTION test_count_staged() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE test_staged_chunks SET n = n + 1; RETURN NULL; END $$' },
      { sql: "CREATE TRIGGER test_count_staged AFTER INSERT ON file_chunks FOR EACH ROW WHEN (NEW.kind = 'staged') EXECUTE FUNCTION test_count_staged()" },
    ]);
  }
}, 60_000);

afterAll(async () => {
  await relay?.stop();
  if (relay) await removeDataDir(relay.dataDir);
});

describe('bytes another organisation holds', () => {
  it('an upload of them is answered, staged and counted as bytes stored nowhere; bytes the organisation holds are not staged again', async () => {
    const held = randomBytes(size);
    expect((await upload(alice, ours, [{ bytes: held, name: 'ours.bin' }])).status).toBe(201);

    const nowhere = await uploadSeen(rita, theirs, randomBytes(size));
    const elsewhere = await uploadSeen(rita, theirs, held);
    expect(nowhere.status).toBe(201);
    expect({ ...elsewhere, id: '' }).toEqual({ ...nowhere, id: '' });
    if (nowhere.staged !== null) expect(nowhere.staged).toBe(4);
    expect(nowhere.counted).toBe(size);
    expect((await download(rita, elsewhere.id)).bytes.equals(held)).toBe(true);

    // Held by the organisation now (Rita's own file): a second copy is not staged, and not counted again.
    const again = await uploadSeen(rita, theirs, held);
    expect(again.status).toBe(201);
    if (again.staged !== null) expect(again.staged).toBe(0);
    expect(again.counted).toBe(0);
  });

  // On SQLite nothing is staged, so nothing is left to remove.
  it.runIf(process.env.CONCLAVE_TEST_DATABASE === 'postgres')('on PostgreSQL, the staged copy of bytes another organisation holds is removed after the answer, not before it (its removal took 30–110 ms per 100 MiB)', async () => {
    const held = randomBytes(size);
    expect((await upload(alice, ours, [{ bytes: held, name: 'ours-too.bin' }])).status).toBe(201);
    // A test session holds a lock the removal of a staged chunk waits for: an answer that waits for the removal never comes while it is held.
    const lock = new pg.Client({ connectionString: databaseOf(relay.dataDir)! });
    await lock.connect();
    const stagedLeft = async () => (await queryStore<{ n: number }>(relay.dataDir, "SELECT COUNT(*) AS n FROM file_chunks WHERE kind = 'staged'"))[0]!.n;
    try {
      await writeStatements(relay.dataDir, [
        { sql: 'CREATE FUNCTION test_hold_staged() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_advisory_lock_shared(4242); PERFORM pg_advisory_unlock_shared(4242); RETURN OLD; END $$' },
        { sql: "CREATE TRIGGER test_hold_staged BEFORE DELETE ON file_chunks FOR EACH ROW WHEN (OLD.kind = 'staged') EXECUTE FUNCTION test_hold_staged()" },
      ]);
      await lock.query('SELECT pg_advisory_lock(4242)');
      const answer = await Promise.race([upload(rita, theirs, [{ bytes: held, name: 'offre.bin' }]), sleep(30_000).then(() => null)]);
      expect(answer?.status).toBe(201);
      // Answered, its staged copy still there (the removal waits for the lock).
      expect(await stagedLeft()).toBe(4);
    } finally {
      await lock.end();
    }
    let left = await stagedLeft();
    for (let i = 0; left > 0 && i < 100; i++) left = await sleep(100).then(stagedLeft);
    expect(left).toBe(0);
  }, 60_000);
});
