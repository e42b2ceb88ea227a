import { describe, expect, it } from 'vitest';
import { reminderAt } from '../../../../server/polls/vote-notices.ts';

describe('when a vote is reminded', () => {
  it('24 hours before the deadline of a round of two days or more', () => {
    expect(reminderAt('2026-12-01T09:00:00.000Z', '2026-12-04T09:00:00.000Z')).toBe('2026-12-03T09:00:00.000Z');
    expect(reminderAt('2026-12-01T09:00:00.000Z', '2026-12-03T09:00:00.000Z')).toBe('2026-12-02T09:00:00.000Z');
  });

  it('halfway through a shorter round', () => {
    expect(reminderAt('2026-12-03T12:00:00.000Z', '2026-12-04T00:00:00.000Z')).toBe('2026-12-03T18:00:00.000Z');
    expect(reminderAt('2026-12-01T09:00:00.000Z', '2026-12-02T21:00:00.000Z')).toBe('2026-12-02T03:00:00.000Z');
    expect(reminderAt('2026-12-01T09:00:00.000Z', '2026-12-01T09:00:00.003Z')).toBe('2026-12-01T09:00:00.002Z');
  });

});
