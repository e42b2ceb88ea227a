import { describe, expect, it } from 'vitest';
import { TrustedProxies } from '../../../../server/http/client-address.ts';

describe('the client behind trusted proxies (CONCLAVE_TRUSTED_PROXIES)', () => {
  const proxies = TrustedProxies.parse(' 10.0.0.0/8 , 192.0.2.10, fd00::/8');

  it('believes X-Forwarded-For only from a trusted proxy', () => {
    expect(proxies.clientOf('198.51.100.1', '203.0.113.7')).toBe('198.51.100.1');
    expect(proxies.clientOf('192.0.2.10', '203.0.113.7')).toBe('203.0.113.7');
    expect(proxies.clientOf('::ffff:10.1.2.3', '203.0.113.7')).toBe('203.0.113.7');
    expect(proxies.clientOf('fd12::1', '2001:db8::5')).toBe('2001:db8::5');
    expect(proxies.clientOf('192.0.2.10', undefined)).toBe('192.0.2.10');
  });

  it('takes the last address no trusted proxy holds: what the client wrote before is not read', () => {
    expect(proxies.clientOf('192.0.2.10', '1.1.1.1, 203.0.113.7')).toBe('203.0.113.7');
    expect(proxies.clientOf('192.0.2.10', '1.1.1.1, 203.0.113.7, 10.9.9.9')).toBe('203.0.113.7');
    expect(proxies.clientOf('192.0.2.10', ['1.1.1.1', '203.0.113.7, 10.9.9.9'])).toBe('203.0.113.7');
    // Every hop a trusted proxy: the first one is the nearest thing to a client there is.
    expect(proxies.clientOf('192.0.2.10', '10.0.0.1, 10.0.0.2')).toBe('10.0.0.1');
  });

  it('stops at an entry that is not an address, at the proxy that passed it on', () => {
    expect(proxies.clientOf('192.0.2.10', 'unknown, 10.0.0.7')).toBe('10.0.0.7');
    expect(proxies.clientOf('192.0.2.10', '203.0.113.7, <script>')).toBe('192.0.2.10');
  });

  it('reads at most 32 hops, however long the header', () => {
    const long = `${Array.from({ length: 1000 }, () => '10.0.0.1').join(', ')}`;
    expect(proxies.clientOf('192.0.2.10', `203.0.113.7, ${long}`)).toBe('10.0.0.1');
  });

  it('with none configured, never reads the header', () => {
    expect(TrustedProxies.parse(undefined).clientOf('10.0.0.1', '203.0.113.7')).toBe('10.0.0.1');
    expect(TrustedProxies.parse('').has('127.0.0.1')).toBe(false);
  });

  it('refuses an entry that is neither an address nor a CIDR block, naming it', () => {
    expect(() => TrustedProxies.parse('10.0.0.0/8, proxy.example')).toThrow(/"proxy\.example"/);
    expect(() => TrustedProxies.parse('10.0.0.0/33')).toThrow(/10\.0\.0\.0\/33/);
    expect(() => TrustedProxies.parse('10.0.0.0/8/1')).toThrow(/CIDR/);
  });
});
