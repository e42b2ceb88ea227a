import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { drained } from '../../../../server/retention/drained.ts';

/** A stream a slow reader has filled: it wants a drain before more is written. */
function full(): Writable {
  const out = new Writable({ highWaterMark: 4, write: (_chunk, _encoding, _done) => undefined });
  out.write(Buffer.alloc(8));
  return out;
}

describe('waiting for a response to drain', () => {
  it('resolves once the reader took what waited', async () => {
    const out = new PassThrough({ highWaterMark: 4 });
    out.write(Buffer.alloc(8));
    expect(out.writableNeedDrain).toBe(true);
    const waiting = drained(out);
    out.read();
    await expect(waiting).resolves.toBeUndefined();
  });

  it('fails, rather than waiting for ever, when the reader leaves first (a download cut mid-way)', async () => {
    const out = full();
    const waiting = drained(out);
    out.destroy();
    await expect(waiting).rejects.toThrow('the reader left');
  });

  it('fails at once when the reader is already gone', async () => {
    const out = full();
    out.destroy();
    await expect(drained(out)).rejects.toThrow('the reader left');
  });
});
