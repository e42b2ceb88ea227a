import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../server/store/migrate.ts';
import { migrations } from '../../../server/store/migrations/index.ts';
import type { RelayStore } from '../../../server/store/store.ts';
import { engines, engineStores, type EngineStores } from '../../support/engines.ts';

/** The migration that makes the two flags one consent (core/api/people.ts `namedPublicly`). */
const oneConsent = 902;

/**
 * Before migration 902 a person's consent to be named publicly was two flags: `public_name`
 * (a participant's name beside their ideas and comments on public pages, asked at sign-up)
 * and `idea_credit` (their name in halls of fame, set only in the app, which participants
 * never reach). Now it is one. A participant keeps what they said at sign-up; members'
 * names never show on public pages, so `public_name` never had any effect for them: their
 * hall-of-fame choice (`idea_credit`) is theirs. Run on SQLite and on PostgreSQL.
 */
describe.each(engines)('one consent to be named publicly, on %s', (engine) => {
  let stores: EngineStores;
  let db: RelayStore;
  const people = [
    { id: 'p-both', participant: 1, publicName: 1, credit: 1, named: 1 },
    { id: 'p-page-only', participant: 1, publicName: 1, credit: 0, named: 1 },
    { id: 'p-fame-only', participant: 1, publicName: 0, credit: 1, named: 0 },
    { id: 'p-none', participant: 1, publicName: 0, credit: 0, named: 0 },
    { id: 'm-fame', participant: 0, publicName: 0, credit: 1, named: 1 },
    { id: 'm-none', participant: 0, publicName: 0, credit: 0, named: 0 },
  ];

  beforeAll(async () => {
    stores = engineStores(engine);
    db = await stores.open({ migrated: false });
    await migrate(db, migrations.filter((m) => m.version < oneConsent));
    await db.run("INSERT INTO organizations (id, name, created_at) VALUES ('org', 'Maison Durand', '2026-12-01T00:00:00Z')");
    for (const p of people) {
      await db.run(
        `INSERT INTO users (id, org_id, name, email, password_hash, role, created_at, guest, participant, public_name, idea_credit)
         VALUES (?, 'org', ?, ?, '!', 'member', '2026-12-01T00:00:00Z', ?, ?, ?, ?)`,
        [p.id, p.id, `${p.id}@client.example`, p.participant, p.participant, p.publicName, p.credit],
      );
    }
    await migrate(db);
  }, 120_000);

  afterAll(() => stores?.close());

  it('keeps the choice each person made: a participant\'s at sign-up, a member\'s for halls of fame', async () => {
    const rows = await db.all<{ id: string; public_name: number }>('SELECT id, public_name FROM users ORDER BY id');
    expect(rows.map((r) => [r.id, Number(r.public_name)])).toEqual(
      people.map((p) => [p.id, p.named]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it('leaves no second flag to read', async () => {
    await expect(db.all('SELECT idea_credit FROM users')).rejects.toThrow();
  });
});
