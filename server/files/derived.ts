import type { Queries } from '../store/db.ts';
import type { BlobStore, DerivedKind } from './blobs.ts';

/**
 * Inside a store transaction: keeps what was made from a content (a thumbnail, a PDF)
 * only while the content is still stored, and adds its size to the content's
 * `derived_bytes`, counted in the storage of everyone who holds the content. False when
 * the content went meanwhile (nothing kept).
 */
export async function keepDerived(tx: Queries, blobs: BlobStore, temp: string, sha256: string, kind: DerivedKind): Promise<boolean> {
  if (!(await tx.get('SELECT 1 FROM file_blobs WHERE sha256 = ?', [sha256]))) return false;
  const bytes = await blobs.placeDerived(tx, temp, sha256, kind);
  await tx.run('UPDATE file_blobs SET derived_bytes = derived_bytes + ? WHERE sha256 = ?', [bytes, sha256]);
  return true;
}
