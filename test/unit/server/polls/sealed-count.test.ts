import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonical } from '../../../../server/polls/access.ts';
import { loadPoll } from '../../../../server/polls/records.ts';
import { ballotKey, sealBallot } from '../../../../server/polls/sealing.ts';
import { Tallies } from '../../../../server/polls/tallies.ts';
import type { Database, Param } from '../../../../server/store/db.ts';
import { openMigratedStore, type MigratedStore } from '../../../support/migrated-store.ts';

const ballots = 3_000;
const numbers = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ballots})`;

/**
 * A sealed anonymous ballot is 16 KiB or more (sealing.ts): a round of 20,000 is some 440 MB
 * of stored text, and opening them all about a second of work. They are read and opened a
 * page at a time, the event loop let go between pages. Counted on a real SQLite store: the
 * most ballot rows one statement returns, and the turns the event loop took meanwhile.
 */
describe('counting a round of sealed ballots', () => {
  let store: MigratedStore | undefined;
  let db: Database;
  let largestRead = 0;
  const secret = randomBytes(32);

  beforeAll(async () => {
    store = await openMigratedStore('conclave-sealed-count');
    const at = '2026-12-04T10:00:00.000Z';
    const definition = JSON.stringify({ kind: 'consent', question: 'Close on Sundays?', proposal: 'Close the store on Sundays.', rule: 'consent', deadline: at });
    await store.db.exec(`INSERT INTO organizations (id, name, created_at) VALUES ('o', 'Org', '${at}')`);
    await store.db.run(`INSERT INTO users (id, org_id, name, email, password_hash, role, created_at) VALUES ('u1', 'o', 'Fiona', 'f@x.example', 'x', 'member', ?)`, [at]);
    await store.db.run(`INSERT INTO activities (id, org_id, title, question, status, facilitator_id, created_at, updated_at) VALUES ('a', 'o', 'T', 'Q?', 'deciding', 'u1', ?, ?)`, [at, at]);
    await store.db.run(`INSERT INTO polls (id, activity_id, kind, definition, anonymous, status, round, created_by, created_at) VALUES ('p', 'a', 'consent', ?, 1, 'revealed', 1, 'u1', ?)`, [definition, at]);
    await store.db.run(`INSERT INTO poll_rounds (poll_id, round, deadline, opened_at, revealed_at) VALUES ('p', 1, ?, ?, ?)`, [at, at, at]);
    const objection = sealBallot(JSON.stringify({ position: 'object', reason: 'Our Sunday customers.' }), ballotKey(secret), 'p', 1);
    const agreement = sealBallot(JSON.stringify({ position: 'agree' }), ballotKey(secret), 'p', 1);
    await store.db.run(
      `INSERT INTO poll_ballots (poll_id, round, ballot_key, voter_id, ballot) ${numbers} SELECT 'p', 1, 'k' || i, NULL, CASE i % 3 WHEN 0 THEN ? ELSE ? END FROM n`,
      [objection, agreement],
    );
    const all = store.db.all.bind(store.db);
    db = Object.assign(Object.create(store.db) as Database, {
      all: async <T>(sql: string, params?: readonly Param[]) => {
        const rows = await all<T>(sql, params);
        if (/FROM poll_ballots/.test(sql)) largestRead = Math.max(largestRead, rows.length);
        return rows;
      },
    });
  }, 120_000);

  afterAll(() => store?.close());

  it('reads them a page at a time and lets the event loop turn between pages', async () => {
    const poll = (await loadPoll(db, 'p'))!;
    let turns = 0;
    let counting = true;
    const turn = () => {
      turns += 1;
      if (counting) setImmediate(turn);
    };
    setImmediate(turn);
    const counted = await new Tallies(secret).round(db, poll, 1, null, canonical);
    counting = false;
    expect(counted.result).toMatchObject({ kind: 'consent', positions: ballots, counts: { object: ballots / 3, agree: (2 * ballots) / 3 } });
    expect(largestRead).toBeLessThanOrEqual(500);
    expect(turns).toBeGreaterThanOrEqual(ballots / 500 - 1);
  }, 120_000);
});
