import { effectiveRolesSql } from '../activities/access.ts';
import type { Queries } from '../store/db.ts';

/**
 * Participation in anonymous rounds, laid out before anyone votes (issue 11, finding 10).
 *
 * A row for each person who may vote is written, in random order and with `voted` = 0,
 * when the round opens (and for anyone who became eligible since, at the first vote that
 * finds them missing). A vote flips `voted` in place: same size, same cell, same page. So
 * a row's place in the file says nothing of when its person voted, and cannot be paired
 * with the order in which ballots were written.
 */
export async function layOutParticipation(tx: Queries, pollId: string, round: number, activityId: string) {
  await tx.run(
    `INSERT INTO poll_participants (poll_id, round, user_id, voted)
     SELECT ?2, ?3, e.user_id, 0 FROM (${effectiveRolesSql}) e JOIN users u ON u.id = e.user_id
      WHERE e.role IN ('contributor', 'facilitator') ORDER BY random() ON CONFLICT DO NOTHING`,
    [activityId, pollId, round],
  );
}

/**
 * Records that `userId` voted in an anonymous round; false when they already had.
 * Someone the layout did not foresee (made a contributor since) gets the rows of everyone
 * missing at once, in random order, then their own if still missing.
 */
export async function markVoted(tx: Queries, pollId: string, round: number, activityId: string, userId: string): Promise<boolean> {
  const flip = () => tx.run('UPDATE poll_participants SET voted = 1 WHERE poll_id = ? AND round = ? AND user_id = ? AND voted = 0', [pollId, round, userId]);
  if ((await flip()).changes === 1) return true;
  const row = await tx.get('SELECT 1 AS one FROM poll_participants WHERE poll_id = ? AND round = ? AND user_id = ?', [pollId, round, userId]);
  if (row) return false;
  await layOutParticipation(tx, pollId, round, activityId);
  await tx.run('INSERT INTO poll_participants (poll_id, round, user_id, voted) VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING', [pollId, round, userId]);
  return (await flip()).changes === 1;
}
