import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseCopies } from '../../../server/people/erase-copies.ts';
import type { RelayStore } from '../../../server/store/store.ts';
import { engines, engineStores, type EngineStores } from '../../support/engines.ts';

const at = '2026-12-06T09:00:00Z';

/**
 * What the relay wrote for others that names an erased person says the former member
 * instead (server/people/erase-copies.ts), on SQLite and on PostgreSQL alike: an idea's
 * title, text and answer, a reason given on it, a comment, a report's note — in the person's organisation only.
 */
describe.each(engines)('an erasure’s copies, on %s', (engine) => {
  let stores: EngineStores;
  let db: RelayStore;

  beforeAll(async () => {
    stores = engineStores(engine);
    db = await stores.open();
    for (const org of ['org', 'other']) {
      await db.run('INSERT INTO organizations (id, name, created_at) VALUES (?, ?, ?)', [org, org, at]);
      await db.run("INSERT INTO users (id, org_id, name, email, password_hash, role, created_at) VALUES (?, ?, 'Fay', ?, '!', 'admin', ?)", [`fay-${org}`, org, `fay@${org}.example`, at]);
      await db.run("INSERT INTO activities (id, org_id, title, question, status, facilitator_id, created_at, updated_at) VALUES (?, ?, 'Box', 'Ideas?', 'open', ?, ?, ?)", [`box-${org}`, org, `fay-${org}`, at, at]);
      await db.run(
        "INSERT INTO ideas (id, activity_id, author_id, title, text, category, reason, created_at) VALUES (?, ?, ?, 'Les pommes de David Discret', 'David Discret avait raison.', 'Courses', 'Merci à David Discret.', ?)",
        [`idea-${org}`, `box-${org}`, `fay-${org}`, at],
      );
      await db.run("INSERT INTO idea_status_changes (idea_id, from_status, to_status, reason, changed_by, changed_at) VALUES (?, 'new', 'under_study', 'Merci à David Discret.', ?, ?)", [`idea-${org}`, `fay-${org}`, at]);
      await db.run("INSERT INTO idea_comments (id, idea_id, author_id, text, created_at, moderation) VALUES (?, ?, ?, 'Comme David Discret.', ?, 'approved')", [`comment-${org}`, `idea-${org}`, `fay-${org}`, at]);
      await db.run("INSERT INTO idea_comment_reports (comment_id, reporter_id, reason, note, created_at) VALUES (?, ?, 'personal_data', 'Il nomme David Discret.', ?)", [`comment-${org}`, `fay-${org}`, at]);
    }
  }, 120_000);

  afterAll(() => stores?.close());

  it('rewrites the organisation’s ideas, reasons and comments, and nothing of another organisation', async () => {
    await db.transaction((tx) => eraseCopies(tx, 'org', [{ needle: 'David Discret', by: 'Ancien membre' }]));
    const texts = async (org: string) => [
      await db.get('SELECT title, text, reason FROM ideas WHERE id = ?', [`idea-${org}`]),
      await db.get('SELECT reason FROM idea_status_changes WHERE idea_id = ?', [`idea-${org}`]),
      await db.get('SELECT text FROM idea_comments WHERE id = ?', [`comment-${org}`]),
      await db.get('SELECT note FROM idea_comment_reports WHERE comment_id = ?', [`comment-${org}`]),
    ];
    expect(await texts('org')).toEqual([
      { title: 'Les pommes de Ancien membre', text: 'Ancien membre avait raison.', reason: 'Merci à Ancien membre.' },
      { reason: 'Merci à Ancien membre.' },
      { text: 'Comme Ancien membre.' },
      { note: 'Il nomme Ancien membre.' },
    ]);
    expect(await texts('other')).toEqual([
      { title: 'Les pommes de David Discret', text: 'David Discret avait raison.', reason: 'Merci à David Discret.' },
      { reason: 'Merci à David Discret.' },
      { text: 'Comme David Discret.' },
      { note: 'Il nomme David Discret.' },
    ]);
  });
});
