import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { engineOf, queryStore } from './store-reader.ts';

/**
 * The idea photos the relay of `dataDir` keeps, by name: on SQLite the files of its
 * `photos/` folder, on PostgreSQL the rows of `idea_photo_bytes` (server/ideas/photo-store.ts).
 */
export async function storedPhotos(dataDir: string): Promise<string[]> {
  return (await stored(dataDir)).filter((name) => !name.startsWith('thumbs/')).sort();
}

/** Their public pages' thumbnails, by name (`thumbs/<photo>.webp`). */
export async function storedThumbnails(dataDir: string): Promise<string[]> {
  return (await stored(dataDir)).filter((name) => name.startsWith('thumbs/')).sort();
}

async function stored(dataDir: string): Promise<string[]> {
  if (engineOf(dataDir) === 'postgres') return (await queryStore<{ name: string }>(dataDir, 'SELECT name FROM idea_photo_bytes')).map((r) => r.name);
  const folder = path.join(dataDir, 'photos');
  const top = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const thumbs = await readdir(path.join(folder, 'thumbs')).catch(() => [] as string[]);
  return [...top.filter((e) => e.isFile()).map((e) => e.name), ...thumbs.map((t) => `thumbs/${t}`)];
}
