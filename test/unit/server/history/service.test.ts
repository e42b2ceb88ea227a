import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentContent } from '#core/api/history';
import { SharedRates } from '../../../../server/auth/shared-rates.ts';
import { cachedMomentBytes, HistoryService } from '../../../../server/history/service.ts';

const MiB = 1024 * 1024;
/** One brief shared by every moment: the test itself holds it once. */
const brief = 'x'.repeat(2 * MiB);
const content = (): DocumentContent => ({ boards: [], comments: [], brief });

/** SPEC H5: the moments kept are bounded by what they weigh, not only by how many. */
describe('the rebuilt moments kept (SPEC H5)', () => {
  const history = new HistoryService(new SharedRates());
  afterAll(() => history.close());

  it('H5: 64 moments of 2 MiB are not all kept: at most 64 MiB, the least recently asked going first; one over 16 MiB is not kept', () => {
    for (let i = 0; i < 64; i++) history.remember(`activity-1:${i}`, content(), 2 * MiB);
    const kept = Array.from({ length: 64 }, (_, i) => i).filter((i) => history.cached(`activity-1:${i}`) !== undefined);
    expect(kept.length * 2).toBeLessThanOrEqual(64);
    expect(kept).toContain(63);
    expect(kept).not.toContain(0);
    history.remember('activity-2:1', content(), 17 * MiB);
    expect(history.cached('activity-2:1')).toBeUndefined();
    expect(history.cached('activity-1:63')).toBeDefined();
    expect(cachedMomentBytes).toBe(64 * MiB);
  });
});
