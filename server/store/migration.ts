/** One step of the schema; the list lives in `migrations/index.ts`, `migrate.ts` applies it. */
export interface Migration {
  /** Applied in increasing order; never renumber one that has shipped. */
  version: number;
  name: string;
  sql: string;
}
