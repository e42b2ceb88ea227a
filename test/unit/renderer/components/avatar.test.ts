import { describe, expect, it } from 'vitest';
import { colourOf, contrastWithWhite } from '../../../../renderer/components/Avatar.tsx';

/** Avatars write white initials on the person's colour: WCAG AA asks 4.5:1 for such small text. */
describe('colourOf', () => {
  it('gives white initials at least 4.5:1 contrast whoever the person is', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `person-${i.toString(36)}-${(i * 7919).toString(16)}`);
    const worst = Math.min(...ids.map((id) => contrastWithWhite(colourOf(id))));
    expect(worst).toBeGreaterThanOrEqual(4.5);
  });

  it('is stable for one person and differs between people', () => {
    expect(colourOf('alice')).toBe(colourOf('alice'));
    expect(new Set(['alice', 'bob', 'carol', 'dan', 'eve'].map(colourOf)).size).toBeGreaterThan(1);
  });
});
