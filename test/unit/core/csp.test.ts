import { describe, expect, it } from 'vitest';
import { desktopCsp, relaySources, webCsp } from '../../../core/csp.ts';

const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );

describe('content security policy', () => {
  it('lets the desktop page reach its relay over http(s) and ws(s), and nothing else', () => {
    const policy = directives(desktopCsp('https://relay.example.org/conclave'));
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://relay.example.org', 'wss://relay.example.org']);
    expect(directives(desktopCsp('http://127.0.0.1:8787')).get('connect-src')).toEqual([
      "'self'",
      'http://127.0.0.1:8787',
      'ws://127.0.0.1:8787',
    ]);
  });

  it('keeps every other directive of the web policy', () => {
    const web = directives(webCsp);
    const desktop = directives(desktopCsp('https://relay.example.org'));
    for (const [name, values] of web) {
      if (name === 'connect-src' || name === 'img-src') continue;
      expect(desktop.get(name), name).toEqual(values);
    }
    expect(desktop.get('script-src')).toEqual(["'self'"]);
    expect(desktop.get('object-src')).toEqual(["'none'"]);
  });

  it('names the relay by origin only', () => {
    expect(relaySources('https://relay.example.org:8443/a/b')).toEqual([
      'https://relay.example.org:8443',
      'wss://relay.example.org:8443',
    ]);
  });
});
