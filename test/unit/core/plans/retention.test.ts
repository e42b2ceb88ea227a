import { describe, expect, it } from 'vitest';
import { plans } from '#core/plans/plans';
import { retentionDue, warningMark } from '#core/plans/retention';

const day = 86_400_000;
const closedAt = '2026-01-05T10:00:00.000Z';
const on = (days: number) => new Date(Date.parse(closedAt) + days * day);
const iso = (days: number) => on(days).toISOString();

describe('retentionDue (README "Retention")', () => {
  it('keeps everything on a plan without retention', () => {
    expect(retentionDue(plans.unlimited, { closedAt, warned: null, warnedAt: null }, on(5000))).toEqual({ kind: 'nothing' });
  });

  it('warns 30 days before the retention runs out, with the removal date', () => {
    expect(retentionDue(plans.basic, { closedAt, warned: null, warnedAt: null }, on(334))).toEqual({ kind: 'nothing' });
    expect(retentionDue(plans.basic, { closedAt, warned: null, warnedAt: null }, on(335))).toEqual({ kind: 'warn', mark: warningMark(closedAt, 365), removeOn: iso(365) });
  });

  it('removes once the retention ran out and the warning is 30 days old, not before', () => {
    const warned = { closedAt, warned: warningMark(closedAt, 365), warnedAt: iso(335) };
    expect(retentionDue(plans.basic, warned, on(364))).toEqual({ kind: 'nothing' });
    expect(retentionDue(plans.basic, warned, on(365))).toEqual({ kind: 'remove' });
  });

  it('a plan moved down counts from the closing, but never removes before 30 days after its warning', () => {
    expect(retentionDue(plans.basic, { closedAt, warned: null, warnedAt: null }, on(800))).toEqual({ kind: 'warn', mark: warningMark(closedAt, 365), removeOn: iso(830) });
    const warned = { closedAt, warned: warningMark(closedAt, 365), warnedAt: iso(800) };
    expect(retentionDue(plans.basic, warned, on(829))).toEqual({ kind: 'nothing' });
    expect(retentionDue(plans.basic, warned, on(830))).toEqual({ kind: 'remove' });
  });

  it('a plan moved up stops the pending removal and warns again for its own date', () => {
    const warned = { closedAt, warned: warningMark(closedAt, 365), warnedAt: iso(335) };
    expect(retentionDue(plans.pro, warned, on(400))).toEqual({ kind: 'nothing' });
    expect(retentionDue(plans.pro, warned, on(700))).toEqual({ kind: 'warn', mark: warningMark(closedAt, 730), removeOn: iso(730) });
    expect(retentionDue(plans.unlimited, warned, on(400))).toEqual({ kind: 'nothing' });
  });
});
