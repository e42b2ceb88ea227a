/**
 * A calm, stable colour per person, shared by avatars and editor cursors. Light hues
 * (yellows, greens) are darkened until the avatar's white initials read at WCAG AA
 * (4.5:1); at 32% every hue does, so the loop is bounded.
 */
export function colourOf(id: string): string {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  let lightness = 42;
  while (lightness > 32 && contrastWithWhite(`hsl(${hue} 45% ${lightness}%)`) < 4.5) lightness--;
  return `hsl(${hue} 45% ${lightness}%)`;
}

/**
 * sRGB channels (0–1) of an `hsl(h s% l%)` colour as colourOf writes it, each rounded to
 * 8 bits as the browser paints it (and as axe reads it back): unrounded, five hues passed
 * at 4.50:1 here and painted at 4.49.
 */
function rgbOf(hsl: string): [number, number, number] {
  const [h = 0, s = 0, l = 0] = (hsl.match(/[\d.]+/g) ?? []).map(Number);
  const a = (s / 100) * Math.min(l / 100, 1 - l / 100);
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    return l / 100 - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  return [channel(0), channel(8), channel(4)].map((c) => Math.round(c * 255) / 255) as [number, number, number];
}

/** WCAG contrast ratio of white text on `hsl` (1 to 21). */
export function contrastWithWhite(hsl: string): number {
  const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = rgbOf(hsl).map(linear) as [number, number, number];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase();
}

export function Avatar({ id, name, size = 'md' }: { id: string; name: string; size?: 'sm' | 'md' }) {
  return (
    <span className={`avatar avatar-${size}`} style={{ background: colourOf(id) }} aria-hidden="true">
      {initialsOf(name)}
    </span>
  );
}
