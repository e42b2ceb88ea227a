import { Readable } from 'node:stream';

/**
 * What one read of a bytea asks for (`substring` of a row: PostgreSQL fetches only the TOAST
 * pieces it covers, the column being stored uncompressed). node-postgres receives a bytea as
 * hex text, twice its size, decoded in one synchronous step; under 128 KiB that string is
 * collected young, while a whole row's megabytes of text wait in V8's large-object space for a
 * full collection: reading 100 MiB by rows of 1 MiB grew the relay by 68–81 MB of such
 * garbage, by 60 KiB slices 7–23 MB (1.4 s instead of 0.8 s).
 */
export const readSliceBytes = 60 * 1024;

/**
 * Reads `slice(row, from, length)`: the bytes of the `row`th row (0-based) of a value kept in
 * `rows` rows, `length` of them from byte `from` (1-based, as `substring` counts), or
 * undefined when that row is gone.
 */
export type SliceReader = (row: number, from: number, length: number) => Promise<Buffer | undefined>;

/**
 * A value kept as bytea rows, streamed in order a slice of `readSliceBytes` at a time, each
 * asked for when the reader wants more (one query, one slice in memory: back-pressure is the
 * reader's). A row gone meanwhile (the value removed while it was read) ends the stream in
 * error: a download is cut, never wrong.
 */
export class SliceStream extends Readable {
  private row = 0;
  private offset = 0;

  constructor(
    private readonly slice: SliceReader,
    private readonly rows: number,
  ) {
    super({ highWaterMark: readSliceBytes });
  }

  override _read() {
    this.next().then(
      (bytes) => this.push(bytes),
      (err: unknown) => this.destroy(err instanceof Error ? err : new Error(String(err))),
    );
  }

  /** The next slice of bytes, or null at the end. */
  private async next(): Promise<Buffer | null> {
    while (this.row < this.rows) {
      const bytes = await this.slice(this.row, this.offset + 1, readSliceBytes);
      if (!bytes) throw new Error('a stored value went while it was read');
      // Shorter than asked: this row ends here; the next slice is the next row's.
      if (bytes.length < readSliceBytes) [this.row, this.offset] = [this.row + 1, 0];
      else this.offset += readSliceBytes;
      if (bytes.length > 0) return bytes;
    }
    return null;
  }
}
