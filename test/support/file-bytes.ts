import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { filePages } from './sqlite-pages.ts';

/**
 * Where the relay's SQLite file and its WAL hold `needle`'s bytes, as anyone holding a
 * copy of them would find it: every page (tables, indexes, free pages, unused space in
 * pages) and every WAL frame, old generations included. Empty when nowhere.
 */
export async function bytesFound(dataDir: string, needle: string): Promise<string[]> {
  const bytes = Buffer.from(needle, 'utf8');
  const found: string[] = [];
  const file = await readFile(path.join(dataDir, 'conclave.sqlite'));
  for (const [n, page] of filePages(file)) if (page.includes(bytes)) found.push(`file page ${n}`);
  const wal = await readFile(path.join(dataDir, 'conclave.sqlite-wal')).catch(() => Buffer.alloc(0));
  for (let at = wal.indexOf(bytes); at >= 0; at = wal.indexOf(bytes, at + 1)) found.push(`wal byte ${at}`);
  return found;
}
