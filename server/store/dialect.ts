/** The SQL dialects the store speaks: the embedded SQLite file, or PostgreSQL (CONCLAVE_DATABASE_URL). */
export type Dialect = 'sqlite' | 'postgres';

/**
 * A store's dialect: an engine says `dialect: 'postgres'`; anything that does not say is
 * the embedded SQLite store. Only the few statements the engines disagree on ask (claims
 * with `FOR UPDATE SKIP LOCKED`, SQLite's `INDEXED BY`).
 */
export function dialectOf(store: object): Dialect {
  return 'dialect' in store && store.dialect === 'postgres' ? 'postgres' : 'sqlite';
}
