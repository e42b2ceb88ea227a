import { describe, expect, it } from 'vitest';
import { defaultPolicies, effectivePolicy, holds, rightIds } from '#core/people/rights';

const member = { role: 'member' as const, guest: false, groups: ['g1'] };
const kept = { everyone: false, groups: ['g1'] };

describe('rights (core/people/rights.ts)', () => {
  it('administrators hold every right, guests none, members by policy', () => {
    for (const right of rightIds) {
      const policy = defaultPolicies[right];
      expect(holds({ role: 'admin', guest: false, groups: [] }, policy)).toBe(true);
      expect(holds({ role: 'member', guest: true, groups: ['g1'] }, { everyone: true, groups: ['g1'] })).toBe(false);
    }
    expect(holds(member, kept)).toBe(true);
    expect(holds({ ...member, groups: ['g2'] }, kept)).toBe(false);
    expect(holds({ ...member, groups: [] }, { everyone: true, groups: [] })).toBe(true);
  });

  it('the stored policy applies only where the plan allows rights per group', () => {
    expect(effectivePolicy('createActivities', kept, true)).toEqual(kept);
    expect(effectivePolicy('createActivities', kept, false)).toEqual({ everyone: true, groups: [] });
    expect(effectivePolicy('createActivities', undefined, true)).toEqual({ everyone: true, groups: [] });
  });

  it('texting many takes "everyone" from elsewhere (the SMS settings); controlling figures is never everyone’s', () => {
    expect(effectivePolicy('textMany', { everyone: true, groups: ['g1'] }, true, false)).toEqual({ everyone: false, groups: ['g1'] });
    expect(effectivePolicy('textMany', undefined, false, true)).toEqual({ everyone: true, groups: [] });
    expect(effectivePolicy('controlFigures', { everyone: true, groups: [] }, true)).toEqual({ everyone: false, groups: [] });
  });
});
