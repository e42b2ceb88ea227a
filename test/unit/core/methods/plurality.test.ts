import { describe, expect, it } from 'vitest';
import { tallySingle } from '#core/methods/plurality';

describe('single choice (plurality / majority)', () => {
  const options = ['Lyon', 'Lille', 'Nantes'];

  it('counts votes and shares, and names the option with the most votes', () => {
    const r = tallySingle(options, ['Lyon', 'Lyon', 'Lille', 'Nantes', 'Lyon'], 'plurality');
    expect(r.counts).toEqual([
      { option: 'Lyon', votes: 3, share: 0.6 },
      { option: 'Lille', votes: 1, share: 0.2 },
      { option: 'Nantes', votes: 1, share: 0.2 },
    ]);
    expect(r).toMatchObject({ total: 5, winners: ['Lyon'], decided: true });
  });

  it('never breaks a tie: every option tied at the top is listed, nothing is decided', () => {
    const r = tallySingle(options, ['Lyon', 'Lille', 'Lille', 'Lyon', 'Nantes'], 'plurality');
    expect(r.winners).toEqual(['Lyon', 'Lille']);
    expect(r.decided).toBe(false);
  });

  it('majority needs more than half of the votes cast; exactly half is not enough', () => {
    const half = ['Lyon', 'Lyon', 'Lille', 'Nantes'];
    expect(tallySingle(options, half, 'plurality').decided).toBe(true);
    expect(tallySingle(options, half, 'majority')).toMatchObject({ winners: ['Lyon'], decided: false });
    expect(tallySingle(options, [...half, 'Lyon'], 'majority').decided).toBe(true);
  });

  it('with no votes there is no winner', () => {
    expect(tallySingle(options, [], 'plurality')).toMatchObject({ total: 0, winners: [], decided: false });
    expect(tallySingle(options, [], 'plurality').counts.every((c) => c.share === 0)).toBe(true);
  });

  it('refuses a choice that is not an option', () => {
    expect(() => tallySingle(options, ['Paris'], 'plurality')).toThrow(/not one of the options/);
  });
});
