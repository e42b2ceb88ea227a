import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ballotKey, isSealed, openBallot, paddedSize, sealBallot } from '../../../../server/polls/sealing.ts';

describe('sealed anonymous ballots', () => {
  const key = ballotKey(randomBytes(32));

  it('opens what it sealed, for its poll and round only', () => {
    const text = JSON.stringify({ position: 'block', reason: 'Pas le dimanche : l’équipe est déjà réduite.' });
    const sealed = sealBallot(text, key, 'poll-1', 2);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('block');
    expect(openBallot(sealed, key, 'poll-1', 2)).toBe(text);
    expect(() => openBallot(sealed, key, 'poll-1', 3)).toThrow(/CONCLAVE_SECRET_KEY/);
    expect(() => openBallot(sealed, key, 'poll-2', 2)).toThrow(/CONCLAVE_SECRET_KEY/);
  });

  it('refuses to open with another key, with none, or altered', () => {
    const sealed = sealBallot('{"choice":"Lyon"}', key, 'p', 1);
    expect(() => openBallot(sealed, ballotKey(randomBytes(32)), 'p', 1)).toThrow(/CONCLAVE_SECRET_KEY/);
    expect(() => openBallot(sealed, null, 'p', 1)).toThrow(/CONCLAVE_SECRET_KEY/);
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw.writeUInt8(raw.readUInt8(raw.length - 1) ^ 1, raw.length - 1);
    expect(() => openBallot(`b1:${raw.toString('base64')}`, key, 'p', 1)).toThrow(/CONCLAVE_SECRET_KEY/);
    expect(() => openBallot('b1:AAAA', key, 'p', 1)).toThrow(/CONCLAVE_SECRET_KEY/);
  });

  it('keeps a ballot stored in clear as it is', () => {
    expect(openBallot('{"choice":"Lyon"}', null, 'p', 1)).toBe('{"choice":"Lyon"}');
  });

  it('gives every ballot up to 16 KiB one length, whatever it says', () => {
    const lengths = new Set(
      ['{"choice":"Lyon"}', '{"choice":"No, keep Sunday opening all year"}', JSON.stringify({ position: 'object', reason: 'é'.repeat(2000) })].map(
        (t) => sealBallot(t, key, 'p', 1).length,
      ),
    );
    expect(lengths.size).toBe(1);
    // The worst reason a consent or estimate ballot may hold (2,000 characters written as \uXXXX) still fits.
    expect(paddedSize(Buffer.byteLength(JSON.stringify({ position: 'object', reason: '\ud800'.repeat(2000) })))).toBe(16 * 1024);
    expect(paddedSize(16 * 1024)).toBe(32 * 1024);
  });

  it('derives its own key from the relay’s secret', () => {
    const secret = randomBytes(32);
    expect(ballotKey(secret).equals(secret)).toBe(false);
    expect(ballotKey(secret).equals(ballotKey(secret))).toBe(true);
  });
});
