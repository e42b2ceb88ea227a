import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../../../server/context.ts';
import { Tallies } from '../../../../server/polls/tallies.ts';
import { pollView } from '../../../../server/polls/view.ts';
import { loadPoll } from '../../../../server/polls/records.ts';
import type { Database, Param } from '../../../../server/store/db.ts';
import { openMigratedStore, type MigratedStore } from '../../../support/migrated-store.ts';

const voters = 20_000;
const options = ['Lyon', 'Lille', 'Nantes', 'Brest', 'Metz', 'Nice'];
const numbers = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${voters})`;

/**
 * Issue 11, finding 12: an instant-runoff round of 20,000 ballots is counted once per
 * state of the poll, not on every read; the rest of a read is linear in the voters.
 * Counted on a real SQLite store: ballot rows read per poll read.
 */
describe('a poll of 20,000 ranked ballots', () => {
  let store: MigratedStore | undefined;
  let db: Database;
  let ballotRowsRead = 0;
  let ctx: Context;

  beforeAll(async () => {
    store = await openMigratedStore('conclave-tally');
    db = store.db;
    const at = '2026-12-04T10:00:00.000Z';
    const definition = JSON.stringify({ kind: 'ranking', question: 'Where do we open next?', options, rule: 'instant-runoff', deadline: '2026-12-05T10:00:00.000Z' });
    await db.exec(`INSERT INTO organizations (id, name, created_at) VALUES ('o', 'Org', '${at}')`);
    await db.run(`INSERT INTO users (id, org_id, name, email, password_hash, role, created_at) ${numbers} SELECT 'u' || i, 'o', 'Member ' || i, i || '@x.example', 'x', 'member', ? FROM n`, [at]);
    await db.run(`INSERT INTO activities (id, org_id, title, question, status, facilitator_id, created_at, updated_at) VALUES ('a', 'o', 'T', 'Q?', 'deciding', 'u1', ?, ?)`, [at, at]);
    await db.run(`INSERT INTO activity_members (activity_id, subject_kind, subject_id, role, added_at) ${numbers} SELECT 'a', 'user', 'u' || i, 'contributor', ? FROM n`, [at]);
    await db.run(`INSERT INTO polls (id, activity_id, kind, definition, anonymous, status, round, created_by, created_at) VALUES ('p', 'a', 'ranking', ?, 0, 'revealed', 1, 'u1', ?)`, [definition, at]);
    await db.run(`INSERT INTO poll_rounds (poll_id, round, deadline, opened_at, revealed_at) VALUES ('p', 1, ?, ?, ?)`, [at, at, at]);
    await db.run(`INSERT INTO poll_participants (poll_id, round, user_id) ${numbers} SELECT 'p', 1, 'u' || i FROM n`);
    // Rankings that keep the runoff going for five rounds.
    const rankings = options.map((_, k) => JSON.stringify({ ranking: [...options.slice(k), ...options.slice(0, k)] }));
    await db.run(
      `INSERT INTO poll_ballots (poll_id, round, ballot_key, voter_id, ballot) ${numbers} SELECT 'p', 1, 'u' || i, 'u' || i,
         CASE i % 6 ${rankings.map((r, k) => `WHEN ${k} THEN '${r}'`).join(' ')} END FROM n`,
    );
    const all = db.all.bind(db);
    const counting = Object.assign(Object.create(db) as Database, {
      all: async <T>(sql: string, params?: readonly Param[]) => {
        const rows = await all<T>(sql, params);
        if (/FROM poll_ballots/.test(sql)) ballotRowsRead += rows.length;
        return rows;
      },
    });
    ctx = { db: counting, log: pino({ level: 'silent' }), now: () => new Date(at) } as unknown as Context;
  }, 120_000);

  afterAll(() => store?.close());

  it('reads and counts the 20,000 ballots on the first read only; later reads reuse the count', async () => {
    const tallies = new Tallies(null);
    const poll = (await loadPoll(ctx.db, 'p'))!;
    const caller = { id: 'u1', orgId: 'o', name: 'Member 1', role: 'member' as const, guest: false };
    const first = await pollView(ctx, caller, poll, tallies);
    expect(first.results?.kind).toBe('ranking');
    expect(first.participation.taken).toHaveLength(voters);
    expect(first.participation.waiting).toHaveLength(0);
    expect(first.rounds[0]?.choices).toHaveLength(voters);
    expect(ballotRowsRead).toBe(voters);
    ballotRowsRead = 0;
    for (let i = 0; i < 3; i++) expect((await pollView(ctx, caller, poll, tallies)).results).toEqual(first.results);
    expect(ballotRowsRead).toBe(0);
  }, 120_000);
});
