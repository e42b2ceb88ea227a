import type { Writable } from 'node:stream';

/**
 * Waits until `out` wants more (its 'drain'), or fails once its reader is gone: a response
 * cut mid-way never drains, and a writer waiting for it would hold what it had read (a
 * ZIP's state, a slice of a file) for as long as the relay runs.
 */
export function drained(out: Writable): Promise<void> {
  if (out.destroyed || out.closed) return Promise.reject(new Error('the reader left'));
  return new Promise<void>((resolve, reject) => {
    const settle = (err?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new Error('the reader left'));
    out.once('drain', onDrain);
    out.once('close', onClose);
  });
}
