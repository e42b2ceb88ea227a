import type { Engine } from './store.ts';

/**
 * The few expressions SQLite and PostgreSQL say differently, each as one function of
 * the engine (`tx.engine`); every other query is written once in the subset both take.
 */
export const dialect = {
  /** A subquery of the values of a JSON array of strings given as one parameter (a list too long for `IN (?, ?…)`). */
  jsonValues(engine: Engine, param = '?'): string {
    return engine === 'postgres' ? `SELECT json_array_elements_text(CAST(${param} AS JSON))` : `SELECT value FROM json_each(${param})`;
  },
  /** Whether the blob or text `column` holds the bytes or text `param` anywhere. */
  contains(engine: Engine, column: string, param = '?'): string {
    return engine === 'postgres' ? `position(${param} IN ${column}) > 0` : `instr(${column}, ${param}) > 0`;
  },
  /** The text under `key` of the JSON object held in the text `column`. */
  jsonText(engine: Engine, column: string, key: string): string {
    if (!/^[a-zA-Z_]+$/.test(key)) throw new Error(`not a JSON key: ${key}`);
    return engine === 'postgres' ? `(CAST(${column} AS JSON) ->> '${key}')` : `json_extract(${column}, '$.${key}')`;
  },
} as const;

/** The SQL dialects the store speaks: the embedded SQLite file, or PostgreSQL (CONCLAVE_DATABASE_URL). */
export type Dialect = Engine;

/**
 * A store's (or a transaction's) engine, for the few statements the engines disagree on
 * (claims with `FOR UPDATE SKIP LOCKED`, SQLite's `INDEXED BY`); anything that does not
 * say is the embedded SQLite store.
 */
export function dialectOf(store: object): Dialect {
  return 'engine' in store && store.engine === 'postgres' ? 'postgres' : 'sqlite';
}
