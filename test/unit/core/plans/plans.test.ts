import { describe, expect, it } from 'vitest';
import { formatBytes, judgeLimit, planOf, planThatLifts, plans } from '../../../../core/plans/plans.ts';

describe('plans (one table)', () => {
  it('holds the editions as sold: Basic 5 / 250 MB / 1 year, Professional 100 / 5 GB / 2 years with per-group security, Unlimited none', () => {
    expect(plans.basic).toMatchObject({ name: 'Basic', openActivitiesPerPerson: 5, storageBytesPerPerson: 250 * 1024 ** 2, retentionDays: 365, perGroupSecurity: false });
    expect(plans.pro).toMatchObject({ name: 'Professional', openActivitiesPerPerson: 100, storageBytesPerPerson: 5 * 1024 ** 3, retentionDays: 730, perGroupSecurity: true });
    expect(plans.unlimited).toMatchObject({ openActivitiesPerPerson: null, storageBytesPerPerson: null, retentionDays: null });
  });

  it('a limit may be reached, not passed', () => {
    expect(judgeLimit(plans.basic, 'openActivities', 4, 1)).toBeNull();
    expect(judgeLimit(plans.basic, 'openActivities', 5, 1)).toEqual({ limit: 5, used: 5 });
    expect(judgeLimit(plans.basic, 'storage', 250 * 1024 ** 2 - 10, 10)).toBeNull();
    expect(judgeLimit(plans.basic, 'storage', 250 * 1024 ** 2 - 10, 11)).not.toBeNull();
    expect(judgeLimit(plans.unlimited, 'openActivities', 1e9, 1)).toBeNull();
  });

  it('names the next plan that lifts a limit', () => {
    expect(planThatLifts('basic', 'openActivities', 6)?.name).toBe('Professional');
    expect(planThatLifts('basic', 'openActivities', 101)?.name).toBe('Unlimited');
    expect(planThatLifts('pro', 'storage', 6 * 1024 ** 3)?.name).toBe('Unlimited');
    expect(planThatLifts('unlimited', 'storage', 1)).toBeNull();
  });

  it('reads an unknown stored plan as the most restrictive, and bytes as people read them', () => {
    expect(planOf('gold').id).toBe('basic');
    expect([formatBytes(250 * 1024 ** 2), formatBytes(5 * 1024 ** 3), formatBytes(1536), formatBytes(12)]).toEqual(['250 MB', '5 GB', '1.5 kB', '12 B']);
  });
});
