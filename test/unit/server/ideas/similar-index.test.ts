import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../../../server/context.ts';
import { SimilarTitles } from '../../../../server/ideas/similar.ts';
import type { Database } from '../../../../server/store/db.ts';
import { openMigratedStore, type MigratedStore } from '../../../support/migrated-store.ts';

const ideas = 50_000;

/**
 * Issue 11, findings 12 and 14: similar titles over 50,000 ideas, on a real SQLite store.
 * The box is folded once (in pages), a new idea is added to the index alone (no refold of
 * all), and a question visits the titles that share a trigram or word with it, not all.
 */
describe('similar titles in a box of 50,000 ideas', () => {
  let store: MigratedStore | undefined;
  let db: Database;
  let ctx: Context;
  const caller = { id: 'u1', orgId: 'o', name: 'Fiona', role: 'member' as const, guest: false };

  beforeAll(async () => {
    store = await openMigratedStore('conclave-similar');
    db = store.db;
    const at = '2026-12-04T10:00:00.000Z';
    await db.exec(`INSERT INTO organizations (id, name, created_at) VALUES ('o', 'Org', '${at}')`);
    await db.run(`INSERT INTO users (id, org_id, name, email, password_hash, role, created_at) VALUES ('u1', 'o', 'Fiona', 'f@x.example', 'x', 'member', ?)`, [at]);
    await db.run(
      `INSERT INTO activities (id, org_id, title, question, status, facilitator_id, created_at, updated_at, kind) VALUES ('box', 'o', 'Ideas', 'Ideas?', 'open', 'u1', ?, ?, 'ideas')`,
      [at, at],
    );
    await db.run(`INSERT INTO activity_members (activity_id, subject_kind, subject_id, role, added_at) VALUES ('box', 'user', 'u1', 'facilitator', ?)`, [at]);
    // Titles of random hexadecimal words: few trigrams shared, as in a real box of varied ideas.
    await db.run(
      `INSERT INTO ideas (id, activity_id, author_id, title, text, category, created_at)
       WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ideas})
       SELECT 'i' || i, 'box', 'u1', lower(hex(randomblob(3))) || ' ' || lower(hex(randomblob(3))), 'text', 'other', ? FROM n`,
      [at],
    );
    await db.run(`INSERT INTO ideas (id, activity_id, author_id, title, text, category, created_at) VALUES ('cups', 'box', 'u1', 'Reusable coffee cups in the canteen', 't', 'other', ?)`, [at]);
    ctx = { db, log: pino({ level: 'silent' }), now: () => new Date(at) } as unknown as Context;
  }, 120_000);

  afterAll(() => store?.close());

  it('folds the box once, adds a new idea alone, and visits only titles sharing something with the question', async () => {
    const titles = new SimilarTitles(ctx);
    const found = await titles.similar(ctx, caller, 'box', 'reusable cups for coffee');
    expect(found.map((f) => f.id)).toEqual(['cups']);
    expect(titles.stats.folded).toBe(ideas + 1);
    expect(titles.stats.visited).toBeLessThan(ideas / 5);

    await db.run(`INSERT INTO ideas (id, activity_id, author_id, title, text, category, created_at) VALUES ('bikes', 'box', 'u1', 'Covered bike shelter', 't', 'other', ?)`, [
      '2026-12-04T10:01:00.000Z',
    ]);
    await titles.added('box', 'bikes', 'Covered bike shelter');
    expect(titles.stats.folded).toBe(ideas + 2);
    expect((await titles.similar(ctx, caller, 'box', 'a covered shelter for bikes')).map((f) => f.id)).toEqual(['bikes']);
    expect(titles.stats.folded).toBe(ideas + 2);

    await titles.hiddenChanged('box', 'bikes', 'Covered bike shelter', true);
    expect(await titles.similar(ctx, caller, 'box', 'a covered shelter for bikes')).toEqual([]);
    await titles.hiddenChanged('box', 'bikes', 'Covered bike shelter', false);
    expect((await titles.similar(ctx, caller, 'box', 'a covered shelter for bikes')).map((f) => f.id)).toEqual(['bikes']);
    expect(titles.stats.folded).toBe(ideas + 2);
  }, 120_000);
});
