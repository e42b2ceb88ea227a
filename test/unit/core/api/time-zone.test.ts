import { describe, expect, it } from 'vitest';
import { TimeZone } from '../../../../core/api/common.ts';

describe('a time zone, as every request that takes one reads it', () => {
  it('accepts IANA zones and refuses what the platform does not know', () => {
    expect(TimeZone.safeParse('Europe/Paris').success).toBe(true);
    expect(TimeZone.safeParse('America/Montreal').success).toBe(true);
    const refused = TimeZone.safeParse('Mars/Olympus');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('not an IANA time zone (e.g. Europe/Paris)');
  });
});
