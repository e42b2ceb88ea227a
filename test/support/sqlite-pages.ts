/**
 * Reads a SQLite file and its WAL byte by byte, as someone holding a copy of them would:
 * pages, cells with their offsets inside the page, and the records they hold. No SQLite
 * library is involved, so nothing is hidden by it (deleted-but-present cells aside).
 *
 * Formats: https://www.sqlite.org/fileformat2.html (b-tree pages, record format, WAL).
 */
export type Value = null | number | bigint | string | Buffer;

export interface Cell {
  page: number;
  /** Offset of the cell inside its page: cells written later sit lower in the page. */
  offset: number;
  values: Value[];
}

/** The pages of a database as of the last commit found in its WAL (if any). */
export type Pages = Map<number, Buffer>;

export interface WalCommit {
  pages: Pages;
}

const pageSizeOf = (db: Buffer) => {
  const raw = db.readUInt16BE(16);
  return raw === 1 ? 65536 : raw;
};

/** The database file's pages. */
export function filePages(db: Buffer): Pages {
  const size = pageSizeOf(db);
  const pages: Pages = new Map();
  for (let i = 0; i * size < db.length; i++) pages.set(i + 1, db.subarray(i * size, (i + 1) * size));
  return pages;
}

/** The WAL's committed transactions, in order (frames of an unfinished one are left out). */
export function walCommits(wal: Buffer): WalCommit[] {
  if (wal.length < 32) return [];
  const size = wal.readUInt32BE(8);
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  const commits: WalCommit[] = [];
  let current: Pages = new Map();
  for (let at = 32; at + 24 + size <= wal.length; at += 24 + size) {
    // Frames left from an earlier generation of the WAL carry other salts.
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break;
    const page = wal.readUInt32BE(at);
    current.set(page, wal.subarray(at + 24, at + 24 + size));
    if (wal.readUInt32BE(at + 4) !== 0) {
      commits.push({ pages: current });
      current = new Map();
    }
  }
  return commits;
}

/** The file's pages with the WAL's commits applied up to `upTo` (all by default). */
export function pagesWith(db: Buffer, commits: WalCommit[], upTo = commits.length): Pages {
  const pages = filePages(db);
  for (const c of commits.slice(0, upTo)) for (const [n, p] of c.pages) pages.set(n, p);
  return pages;
}

function varint(buf: Buffer, at: number): [bigint, number] {
  let value = 0n;
  for (let i = 0; i < 8; i++) {
    const byte = buf[at + i] ?? 0;
    value = (value << 7n) | BigInt(byte & 0x7f);
    if ((byte & 0x80) === 0) return [value, i + 1];
  }
  return [(value << 8n) | BigInt(buf[at + 8] ?? 0), 9];
}

function decodeRecord(payload: Buffer): Value[] {
  const [headerSize, first] = varint(payload, 0);
  const types: bigint[] = [];
  for (let at = first; at < Number(headerSize); ) {
    const [t, n] = varint(payload, at);
    types.push(t);
    at += n;
  }
  const values: Value[] = [];
  let at = Number(headerSize);
  const intSizes: Record<number, number> = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8 };
  for (const big of types) {
    const t = Number(big);
    if (t === 0) values.push(null);
    else if (t === 8 || t === 9) values.push(t - 8);
    else if (t === 7) {
      values.push(payload.readDoubleBE(at));
      at += 8;
    } else if (intSizes[t] !== undefined) {
      const n = intSizes[t];
      values.push(n === 8 ? payload.readBigInt64BE(at) : payload.readIntBE(at, n));
      at += n;
    } else {
      const n = Math.floor((t - 12) / 2);
      const bytes = payload.subarray(at, at + n);
      values.push(t % 2 === 0 ? Buffer.from(bytes) : bytes.toString('utf8'));
      at += n;
    }
  }
  return values;
}

/** Every leaf cell of the b-tree rooted at `root`, with its page and offset. */
export function cellsOf(pages: Pages, root: number): Cell[] {
  const page = root > 0 ? pages.get(root) : undefined;
  if (!page || page.length < 8) return [];
  const base = root === 1 ? 100 : 0;
  const kind = page[base] ?? 0;
  const interior = kind === 0x02 || kind === 0x05;
  const count = page.readUInt16BE(base + 3);
  const pointers = base + (interior ? 12 : 8);
  const cells: Cell[] = [];
  for (let i = 0; i < count; i++) {
    const offset = page.readUInt16BE(pointers + 2 * i);
    if (interior) {
      cells.push(...cellsOf(pages, page.readUInt32BE(offset)));
      continue;
    }
    let at = offset;
    const [size, n] = varint(page, at);
    at += n;
    if (kind === 0x0d) at += varint(page, at)[1]; // the rowid
    const payload = page.subarray(at, Math.min(page.length, at + Number(size)));
    cells.push({ page: root, offset, values: decodeRecord(payload) });
  }
  if (interior) cells.push(...cellsOf(pages, page.readUInt32BE(base + 8)));
  return cells;
}

/** The root page of a table, read from sqlite_master (page 1); 0 when this copy has no such table yet. */
export function rootOf(pages: Pages, table: string): number {
  const row = cellsOf(pages, 1).find((c) => c.values[0] === 'table' && c.values[1] === table);
  return typeof row?.values[3] === 'number' ? row.values[3] : 0;
}
