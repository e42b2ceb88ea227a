/** One step of the schema; the list lives in `migrations/index.ts`, `migrate.ts` applies it. */
export interface Migration {
  /** Applied in increasing order; never renumber one that has shipped. */
  version: number;
  name: string;
  /** SQLite's statements, separated by `;` at the end of a line. */
  sql: string;
  /**
   * PostgreSQL's statements, where they differ beyond the column types that
   * `postgresSchema` (schema-dialect.ts) maps. Without it, PostgreSQL runs `sql` so mapped.
   * A table copied into a rebuilt one on PostgreSQL keeps its ids: set its identity's next
   * value past them (`SELECT setval(…)`), which SQLite's AUTOINCREMENT does by itself.
   */
  postgres?: string;
}
