import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../../server/context.ts';
import { erasePerson } from '../../../server/people/erase.ts';
import { exportPerson } from '../../../server/people/export.ts';
import type { Database, Param, Queries } from '../../../server/store/db.ts';
import { openMigratedStore, type MigratedStore } from '../../support/migrated-store.ts';

/**
 * A person's export and erasure find that person's rows through indexes: neither reads a
 * whole table of every organisation (the SMS sent and received, the e-mails, the sessions…).
 * On one relay hosting many organisations such a table grows with all of them, and the
 * erasure reads it inside its transaction, holding the store's one writer (the live
 * update log waits). Each statement they run on a real SQLite store is explained first
 * (`EXPLAIN QUERY PLAN`, same connection, same parameters); a `SCAN` of a table is a
 * whole-table read. The rows of the person's own organisation may be read in full (the
 * erasure rewrites texts naming them wherever the organisation's copies hold them), through
 * the organisation's index: that is a `SEARCH`.
 */
describe("a person's export and erasure read no whole table", () => {
  let store: MigratedStore | undefined;
  const scans = new Map<string, string>();
  let ctx: Context;
  const caller = { id: 'admin', orgId: 'o', name: 'Ada Admin', role: 'admin' as const, guest: false };

  /** The same queries, each explained before it runs; the tables read whole are kept with the statement. */
  function explaining<Q extends Queries>(q: Q): Q {
    const explain = async (sql: string, params: readonly Param[] | undefined) => {
      if (!/^\s*(SELECT|UPDATE|DELETE|INSERT|WITH)/i.test(sql)) return;
      const plan = await q.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params);
      for (const { detail } of plan) {
        const table = /^SCAN (\w+)/.exec(detail)?.[1];
        if (table && !/^(CONSTANT ROW|n)$/.test(table)) scans.set(table, sql.replace(/\s+/g, ' ').slice(0, 160));
      }
    };
    return Object.assign(Object.create(q) as Q, {
      run: async (sql: string, params?: readonly Param[]) => (await explain(sql, params), q.run(sql, params)),
      get: async <T,>(sql: string, params?: readonly Param[]) => (await explain(sql, params), q.get<T>(sql, params)),
      all: async <T,>(sql: string, params?: readonly Param[]) => (await explain(sql, params), q.all<T>(sql, params)),
    });
  }

  beforeAll(async () => {
    store = await openMigratedStore('conclave-person-plans');
    const db = store.db;
    const at = '2026-12-04T10:00:00.000Z';
    await db.run(`INSERT INTO organizations (id, name, created_at) VALUES ('o', 'Org', ?), ('o2', 'Other', ?)`, [at, at]);
    await db.run(
      `INSERT INTO users (id, org_id, name, email, phone, password_hash, role, created_at) VALUES
         ('admin', 'o', 'Ada Admin', 'ada@o.example', NULL, 'x', 'admin', ?),
         ('u', 'o', 'Bob Martin', 'bob@o.example', '+33612345678', 'x', 'member', ?),
         ('v', 'o2', 'Vera Other', 'vera@o2.example', '+33698765432', 'x', 'member', ?)`,
      [at, at, at],
    );
    const transaction = db.transaction.bind(db);
    const watched = Object.assign(explaining(db), {
      transaction: <T,>(body: (tx: Queries) => Promise<T>) => transaction((tx) => body(explaining(tx))),
    }) as Database;
    const events = { sessionsRevoked: () => undefined, accessChanged: async () => undefined };
    ctx = { db: watched, log: pino({ level: 'silent' }), now: () => new Date(at), events } as unknown as Context;
  }, 60_000);

  afterAll(() => store?.close());

  it('exports a person through indexes', async () => {
    scans.clear();
    const exported = await exportPerson(ctx, caller, 'u');
    expect(exported).toBeTruthy();
    expect(Object.fromEntries(scans)).toEqual({});
  });

  it('erases a person through indexes, outside their organisation as inside it', async () => {
    scans.clear();
    await erasePerson(ctx, caller, 'u');
    const name = await store!.db.get<{ name: string }>("SELECT name FROM users WHERE id = 'u'");
    expect(name?.name).not.toBe('Bob Martin');
    expect(Object.fromEntries(scans)).toEqual({});
  });
});
