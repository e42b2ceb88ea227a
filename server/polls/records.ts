import type { Ballot, PollDefinition, PollKind, PollStatus } from '#core/api/polls';
import type { KeyedBallot } from '#core/methods/tally';
import { effectiveRolesSql } from '../activities/access.ts';
import type { Queries } from '../store/db.ts';
import { ballotKey, ballotNameKey, isSealed, openBallot, shownKey } from './sealing.ts';

/** A poll as the store keeps it. */
export interface PollRecord {
  id: string;
  activityId: string;
  kind: PollKind;
  definition: PollDefinition;
  anonymous: boolean;
  status: PollStatus;
  round: number;
  createdBy: string;
  createdAt: string;
}

export interface RoundRecord {
  round: number;
  deadline: string;
  openedAt: string;
  revealedAt: string | null;
  revealedBy: string | null;
}

interface PollRow {
  id: string;
  activity_id: string;
  kind: PollKind;
  definition: string;
  anonymous: number;
  status: PollStatus;
  round: number;
  created_by: string;
  created_at: string;
}

const toPoll = (row: PollRow): PollRecord => ({
  id: row.id,
  activityId: row.activity_id,
  kind: row.kind,
  definition: JSON.parse(row.definition) as PollDefinition,
  anonymous: row.anonymous === 1,
  status: row.status,
  round: row.round,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

export async function loadPoll(db: Queries, id: string): Promise<PollRecord | null> {
  const row = await db.get<PollRow>('SELECT * FROM polls WHERE id = ?', [id]);
  return row ? toPoll(row) : null;
}

export async function pollsOfActivity(db: Queries, activityId: string): Promise<PollRecord[]> {
  const rows = await db.all<PollRow>('SELECT * FROM polls WHERE activity_id = ? ORDER BY created_at, id', [activityId]);
  return rows.map(toPoll);
}

export async function roundsOf(db: Queries, pollId: string): Promise<RoundRecord[]> {
  const rows = await db.all<{ round: number; deadline: string; opened_at: string; revealed_at: string | null; revealed_by: string | null }>(
    'SELECT round, deadline, opened_at, revealed_at, revealed_by FROM poll_rounds WHERE poll_id = ? ORDER BY round',
    [pollId],
  );
  return rows.map((r) => ({
    round: r.round,
    deadline: r.deadline,
    openedAt: r.opened_at,
    revealedAt: r.revealed_at,
    revealedBy: r.revealed_by,
  }));
}

/** Ballot rows read and opened at once: a sealed ballot is 16 KiB or more (sealing.ts). */
const ballotsPerPage = 500;

/**
 * Ballots of one round, in key order (random in anonymous polls), sealed ones opened with the
 * relay's `secret` (sealing.ts), named by their shown key and ordered by it: neither their
 * stored keys nor their stored order, which the store (PostgreSQL) links to voters, leave the
 * relay through a result or the record. Read a page at a time, the event loop let go between
 * pages (opening 20,000 sealed ballots is about a second of work). Only for revealed rounds.
 */
export async function ballotsOf(
  db: Queries,
  pollId: string,
  round: number,
  secret: Buffer | null,
): Promise<(KeyedBallot & { voterId: string | null })[]> {
  const key = secret ? ballotKey(secret) : null;
  const names = secret ? ballotNameKey(secret) : null;
  const ballots: (KeyedBallot & { voterId: string | null })[] = [];
  let sealed = false;
  for (let after = ''; ; ) {
    const rows = await db.all<{ ballot_key: string; voter_id: string | null; ballot: string }>(
      'SELECT ballot_key, voter_id, ballot FROM poll_ballots WHERE poll_id = ? AND round = ? AND ballot_key > ? ORDER BY ballot_key LIMIT ?',
      [pollId, round, after, ballotsPerPage],
    );
    for (const r of rows) {
      const isSealedBallot = isSealed(r.ballot);
      sealed ||= isSealedBallot;
      ballots.push({
        key: names && isSealedBallot ? shownKey(names, pollId, round, r.ballot_key) : r.ballot_key,
        voterId: r.voter_id,
        ballot: JSON.parse(openBallot(r.ballot, key, pollId, round)) as Ballot,
      });
    }
    if (rows.length < ballotsPerPage) break;
    after = rows.at(-1)!.ballot_key;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return sealed ? ballots.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) : ballots;
}

/** Who has taken part in a round, with names; never what they chose. */
export async function participantsOf(db: Queries, pollId: string, round: number) {
  return db.all<{ userId: string; name: string }>(
    `SELECT p.user_id AS "userId", u.name FROM poll_participants p JOIN users u ON u.id = p.user_id
      WHERE p.poll_id = ? AND p.round = ? AND p.voted = 1 ORDER BY lower(u.name), u.id`,
    [pollId, round],
  );
}

/**
 * The people of an activity whose effective role (activities/access.ts `resolveRole`: a
 * direct role wins, else the highest of their groups') is at least `minimum`.
 */
export async function activityPeople(db: Queries, activityId: string, minimum: 'viewer' | 'contributor' = 'viewer') {
  const rows = await db.all<{ userId: string; name: string }>(
    `SELECT u.id AS "userId", u.name FROM (${effectiveRolesSql}) e JOIN users u ON u.id = e.user_id
      WHERE u.disabled_at IS NULL AND (?2 = 'viewer' OR e.role IN ('contributor', 'facilitator'))`,
    [activityId, minimum],
  );
  return rows.sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
}

/** Everyone who may take part in the activity's polls: contributors and facilitators. */
export const eligibleVoters = (db: Queries, activityId: string) => activityPeople(db, activityId, 'contributor');
