import { describe, expect, it } from 'vitest';
import { colourOf, contrastWithWhite } from '../../../../renderer/components/Avatar.tsx';

/** Avatars write white initials on the person's colour: WCAG AA asks 4.5:1 for such small text. */
describe('colourOf', () => {
  it('gives white initials at least 4.5:1 contrast whoever the person is', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `person-${i.toString(36)}-${(i * 7919).toString(16)}`);
    const worst = Math.min(...ids.map((id) => contrastWithWhite(colourOf(id))));
    expect(worst).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps 4.5:1 as painted, every channel rounded to 8 bits, on every hue (axe reads it so)', () => {
    const painted = (hsl: string) => {
      const [h = 0, s = 0, l = 0] = (hsl.match(/[\d.]+/g) ?? []).map(Number);
      const a = (s / 100) * Math.min(l / 100, 1 - l / 100);
      const channel = (n: number) => {
        const k = (n + h / 30) % 12;
        return Math.round((l / 100 - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))) * 255) / 255;
      };
      const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      const [r, g, b] = [channel(0), channel(8), channel(4)].map(linear) as [number, number, number];
      return { hue: h, contrast: 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05) };
    };
    const seen = new Map<number, number>();
    for (let i = 0; i < 20_000 && seen.size < 360; i++) {
      const { hue, contrast } = painted(colourOf(`someone-${i}`));
      seen.set(hue, contrast);
    }
    expect(seen.size).toBe(360);
    expect(Math.min(...seen.values())).toBeGreaterThanOrEqual(4.5);
  });

  it('is stable for one person and differs between people', () => {
    expect(colourOf('alice')).toBe(colourOf('alice'));
    expect(new Set(['alice', 'bob', 'carol', 'dan', 'eve'].map(colourOf)).size).toBeGreaterThan(1);
  });
});
