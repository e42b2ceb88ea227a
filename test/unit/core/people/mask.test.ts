import { describe, expect, it } from 'vitest';
import { maskPhone } from '../../../../core/people/mask.ts';

describe('maskPhone', () => {
  it('keeps the country code and the last two digits only', () => {
    expect(maskPhone('+33612345678')).toBe('+33 ••••••• 78');
    expect(maskPhone('+14155552671')).toBe('+1 •••••••• 71');
    expect(maskPhone('+447911123456')).toBe('+44 •••••••• 56');
  });
  it('shows nothing of a number too short to mask', () => {
    expect(maskPhone('+331')).toBe('••••');
  });
});
