import { describe, expect, it } from 'vitest';
import { ErrorCode } from '#core/api/errors';
import { Refusal } from '../../../../server/errors.ts';
import { WorkQueue } from '../../../../server/files/work-queue.ts';
import { thumbnailJobsPerPerson } from '../../../../server/files/thumbnails.ts';

/**
 * The line of slow file work (thumbnails, Office previews): one person's share of it is
 * counted whether the caller waits for the job (`run`, thumbnails) or not (`begin`,
 * Office), so one person asking for many pictures does not hold everyone's line.
 */
describe('a share of the work line per person', () => {
  const shares = (person: string) => [
    { key: `person:${person}`, most: thumbnailJobsPerPerson },
    { key: 'organisation:durand', most: 32 },
  ];

  it('run: past a person’s share, 429 and nothing queued; someone else is still taken; the share comes back as jobs end', async () => {
    const queue = new WorkQueue<string>({ running: 1, waiting: 64 });
    const releases: (() => void)[] = [];
    const started: string[] = [];
    const slow = (key: string) => () =>
      new Promise<string>((resolve) => {
        started.push(key);
        releases.push(() => resolve(key));
      });
    const mallory = Array.from({ length: thumbnailJobsPerPerson }, (_, i) => queue.run(`m${i}`, slow(`m${i}`), shares('mallory')));
    const refused = await queue.run('m-extra', slow('m-extra'), shares('mallory')).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(Refusal);
    expect((refused as Refusal).code).toBe(ErrorCode.rateLimited);
    expect(queue.has('m-extra')).toBe(false);

    const vera = queue.run('v0', slow('v0'), shares('vera'));
    expect(queue.has('v0')).toBe(true);
    // Asking again for a picture under way is no new work, whoever asks.
    expect(queue.has('m0')).toBe(true);

    for (let i = 0; i < thumbnailJobsPerPerson + 1; i++) {
      await new Promise((r) => setTimeout(r, 0));
      releases.shift()?.();
    }
    expect(await Promise.all(mallory)).toHaveLength(thumbnailJobsPerPerson);
    expect(await vera).toBe('v0');
    expect(started).not.toContain('m-extra');
    // Mallory's share is back.
    const again = queue.run('m-again', async () => 'done', shares('mallory'));
    expect(await again).toBe('done');
  });
});
