import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

/**
 * Where a PostgreSQL cluster's files hold `needle`'s bytes, as anyone holding a copy of its
 * data folder would find them: each relation's files (heap, TOAST, indexes, every fork and
 * 1 GB segment) named after the relation of database `database`, and the WAL segments (old
 * ones recycled under new names included). A CHECKPOINT first, so that the files hold what
 * the server holds in memory. Empty when nowhere.
 */
export async function clusterBytesFound(dataDir: string, url: string, needle: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let names: Map<string, string>;
  let databaseDir: string;
  try {
    await client.query('CHECKPOINT');
    const { rows } = await client.query<{ file: string; name: string }>(
      "SELECT pg_relation_filepath(c.oid) AS file, c.relname AS name FROM pg_class c WHERE c.relkind IN ('r', 't', 'i', 'm') AND pg_relation_filepath(c.oid) IS NOT NULL",
    );
    names = new Map(rows.map((r) => [r.file, r.name]));
    const [db] = (await client.query<{ oid: string }>('SELECT oid::text AS oid FROM pg_database WHERE datname = current_database()')).rows;
    databaseDir = path.join('base', db!.oid);
  } finally {
    await client.end();
  }
  const bytes = Buffer.from(needle, 'utf8');
  const found: string[] = [];
  const files = (await readdir(dataDir, { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
  for (const file of files) {
    const relative = path.relative(dataDir, path.join(file.parentPath, file.name));
    const content = await readFile(path.join(dataDir, relative)).catch(() => null);
    if (!content?.includes(bytes)) continue;
    if (relative.startsWith('pg_wal')) {
      found.push(`wal ${path.basename(relative)}`);
      continue;
    }
    // 16385, 16385.1 (a second GB), 16385_fsm, 16385_vm: one relation.
    const relation = relative.startsWith(databaseDir) ? names.get(relative.replace(/(_\w+)?(\.\d+)?$/, '')) : undefined;
    found.push(relation ? `relation ${relation}` : `file ${relative}`);
  }
  return found.sort();
}

/**
 * The relations of database `url` with a tuple still stored that holds `needle`'s bytes, read
 * page by page with pageinspect (created in that database): every heap tuple with storage,
 * live or dead (a row's earlier versions until VACUUM takes them), TOAST chunks, and every
 * B-tree entry. Bytes left only in a page's free space are not tuples and are not counted.
 */
export async function tuplesHolding(url: string, needle: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pageinspect');
    const bytes = Buffer.from(needle, 'utf8');
    const pages = (kinds: string, first: number) => `
      FROM pg_class c
      CROSS JOIN LATERAL generate_series(${first}, (pg_relation_size(c.oid) / current_setting('block_size')::int)::int - 1) AS blk
      WHERE c.relkind IN (${kinds}) AND c.relnamespace IN ('public'::regnamespace, 'pg_toast'::regnamespace)`;
    const heap = await client.query<{ name: string }>(
      `SELECT DISTINCT c.relname AS name ${pages("'r', 't'", 0)}
         AND EXISTS (SELECT 1 FROM heap_page_items(get_raw_page(c.oid::regclass::text, blk)) i WHERE i.t_data IS NOT NULL AND position($1::bytea IN i.t_data) > 0)`,
      [bytes],
    );
    const btree = await client.query<{ name: string }>(
      `SELECT DISTINCT c.relname AS name ${pages("'i'", 1)}
         AND c.relam = (SELECT oid FROM pg_am WHERE amname = 'btree')
         AND EXISTS (SELECT 1 FROM bt_page_items(get_raw_page(c.oid::regclass::text, blk)) i WHERE position($1::bytea IN decode(replace(i.data, ' ', ''), 'hex')) > 0)`,
      [bytes],
    );
    return [...heap.rows, ...btree.rows].map((r) => `relation ${r.name}`).sort();
  } finally {
    await client.end();
  }
}
