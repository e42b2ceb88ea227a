import { afterAll, describe, expect, it } from 'vitest';
import { HashPool } from '../../../../server/auth/hash-pool.ts';
import { hashPassword, verifyPassword } from '../../../../server/auth/passwords.ts';

describe('passwords', () => {
  const pool = new HashPool(1, 4);
  afterAll(() => pool.close());

  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword(pool, 'correct horse battery staple');
    const b = await hashPassword(pool, 'correct horse battery staple');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword(pool, 'correct horse battery staple', a)).toBe(true);
    expect(await verifyPassword(pool, 'correct horse battery stapler', a)).toBe(false);
  });
  it('treats a malformed stored hash as a mismatch', async () => {
    expect(await verifyPassword(pool, 'anything', 'md5$abc')).toBe(false);
  });
});
