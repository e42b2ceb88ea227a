import type { PollDefinition } from '#core/api/polls';

/** The longest text JSON gives a number (`-0.0000012345678901234567`), and a reason's or label's character at worst (`\udc00`). */
const numberBytes = 25;
const charBytes = 6;
const reasonChars = 2000;

const quoted = (text: string) => Buffer.byteLength(JSON.stringify(text));
const sum = (items: readonly string[], each: (item: string) => number) => items.reduce((n, item) => n + each(item), 0);

/**
 * The most bytes a ballot of this poll can take as the relay stores it (JSON), for every
 * kind whose ballots are bounded by its definition: a sealed ballot of the poll is padded
 * to this size's padding (sealing.ts), so every one of them has one length whatever it
 * chose — a score sheet's numbers, a partial ranking or the options given dots show
 * nothing, even when the poll's labels make its ballots longer than the smallest size.
 * Private-first entries are bounded only by what a person may write (50 entries of 2,000
 * characters): 0, each ballot padded from its own length.
 */
export function largestBallot(def: PollDefinition): number {
  switch (def.kind) {
    case 'single':
      return 16 + Math.max(...def.options.map(quoted));
    case 'dots':
      return 16 + sum(def.options, (o) => quoted(o) + 2 + 3);
    case 'ranking':
      return 16 + sum(def.options, (o) => quoted(o) + 1);
    case 'matrix': {
      const row = 2 + sum(def.criteria.map((c) => c.label), (c) => quoted(c) + 2 + numberBytes);
      return 16 + sum(def.options, (o) => quoted(o) + 2 + row);
    }
    case 'consent':
      return 48 + reasonChars * charBytes;
    case 'estimate':
      return 32 + numberBytes + reasonChars * charBytes;
    case 'entries':
      return 0;
  }
}
