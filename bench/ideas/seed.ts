import path from 'node:path';
import sqlite3 from 'sqlite3';
import { ideaStatuses, type IdeaStatus } from '#core/ideas/status';

/**
 * Fills an idea box straight in the relay's store (the relay stopped): `people` voters,
 * `ideas` ideas over 30 days by those people, and `votes` votes skewed like a real
 * campaign (a few ideas draw most votes), with `ideas.vote_count` kept equal to the
 * votes — what the API would have written, without 55,000 round trips of setup.
 */
export interface SeedPlan {
  orgId: string;
  boxId: string;
  categories: string[];
  people: number;
  ideas: number;
  votes: number;
}

const subjects = ['organic', 'kids corner', 'loyalty card', 'bulk aisle', 'click and collect', 'local producers', 'recycling', 'self checkout', 'late opening', 'recipe cards', 'deposit bottles', 'home delivery'];
const verbs = ['More', 'Better', 'Cheaper', 'Faster', 'Greener', 'Friendlier', 'Simpler', 'Bigger'];
const places = ['in every store', 'on Sundays', 'for families', 'in the app', 'near the entrance', 'for students', 'in small towns', 'at the checkout'];

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function exec(db: sqlite3.Database, sql: string) {
  return new Promise<void>((resolve, reject) => db.exec(sql, (err) => (err ? reject(err) : resolve())));
}

function run(statement: sqlite3.Statement, params: (string | number | null)[]) {
  return new Promise<void>((resolve, reject) => statement.run(params, (err: Error | null) => (err ? reject(err) : resolve())));
}

export async function seedIdeaBox(dataDir: string, plan: SeedPlan): Promise<{ voterIds: string[] }> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened = new sqlite3.Database(path.join(dataDir, 'conclave.sqlite'), (err) => (err ? reject(err) : resolve(opened)));
  });
  const rand = random(7);
  const start = Date.parse('2026-10-01T08:00:00Z');
  const voterIds = Array.from({ length: plan.people }, (_, i) => `bench-person-${String(i).padStart(4, '0')}`);
  await exec(db, 'BEGIN');
  const user = db.prepare(`INSERT INTO users (id, org_id, name, email, password_hash, role, created_at) VALUES (?, ?, ?, ?, 'x', 'member', ?)`);
  for (const [i, id] of voterIds.entries()) await run(user, [id, plan.orgId, `Person ${i}`, `person.${i}@bench.example`, new Date(start).toISOString()]);
  user.finalize();

  const ideaIds = Array.from({ length: plan.ideas }, (_, i) => `bench-idea-${String(i).padStart(5, '0')}`);
  // Votes first, to know each idea's count: voter v picks distinct ideas, skewed to low indexes.
  const counts = new Array<number>(plan.ideas).fill(0);
  const votes: [string, string, string][] = [];
  const perVoter = Math.ceil(plan.votes / plan.people);
  for (const voter of voterIds) {
    const chosen = new Set<number>();
    while (chosen.size < perVoter && votes.length + chosen.size < plan.votes) chosen.add(Math.floor(plan.ideas * rand() ** 2.5));
    for (const i of chosen) {
      counts[i]!++;
      votes.push([ideaIds[i]!, voter, new Date(start + rand() * 30 * 86_400_000).toISOString()]);
    }
  }

  const idea = db.prepare(
    `INSERT INTO ideas (id, activity_id, author_id, title, text, category, status, reason, status_changed_at, vote_count, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [i, id] of ideaIds.entries()) {
    const title = `${verbs[i % verbs.length]} ${subjects[Math.floor(rand() * subjects.length)]} ${places[Math.floor(rand() * places.length)]} #${i}`;
    const status: IdeaStatus = rand() < 0.7 ? 'new' : ideaStatuses[1 + Math.floor(rand() * 4)]!;
    const created = new Date(start + (i / plan.ideas) * 30 * 86_400_000).toISOString();
    await run(idea, [
      id,
      plan.boxId,
      voterIds[Math.floor(rand() * voterIds.length)]!,
      title,
      `${title}. ${'We could try it for a month and see what customers say. '.repeat(3)}`,
      plan.categories[i % plan.categories.length]!,
      status,
      status === 'declined' ? 'Not this year: the budget is spent.' : null,
      status === 'new' ? null : created,
      counts[i]!,
      created,
    ]);
  }
  idea.finalize();
  const vote = db.prepare('INSERT INTO idea_votes (idea_id, user_id, voted_at) VALUES (?, ?, ?)');
  for (const v of votes) await run(vote, v);
  vote.finalize();
  await exec(db, 'COMMIT');
  await new Promise<void>((resolve) => db.close(() => resolve()));
  return { voterIds };
}
