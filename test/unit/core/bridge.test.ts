import { describe, expect, it } from 'vitest';
import { bridgeCalls, normalRelayUrl, relayUrlProblem } from '../../../core/bridge.ts';
import { bridgeChannels } from '../../../core/bridge-channels.ts';

describe('bridge contract', () => {
  it('gives every call its own channel, under the conclave: prefix', () => {
    const channels = Object.values(bridgeCalls).map((c) => c.channel);
    expect(new Set(channels).size).toBe(channels.length);
    expect(channels.every((c) => c.startsWith('conclave:'))).toBe(true);
    expect(Object.keys(bridgeChannels).sort()).toEqual(Object.keys(bridgeCalls).sort());
  });

  it.each([
    ['https://relay.example.org', null],
    ['https://relay.example.org/conclave/', null],
    ['http://127.0.0.1:8787', null],
    ['http://localhost:8787', null],
    ['http://[::1]:8787', null],
    ['http://relay.example.org', /over https/],
    ['ws://relay.example.org', /https/],
    ['relay.example.org', /full URL/],
    ['https://user:pw@relay.example.org', /user name/],
    ['https://relay.example.org/?x=1', /"\?"/],
  ])('relay address %s', (raw, problem) => {
    const found = relayUrlProblem(raw);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });

  it('writes relay addresses one way', () => {
    expect(normalRelayUrl('https://Relay.Example.org/')).toBe('https://relay.example.org');
    expect(normalRelayUrl('https://relay.example.org/conclave//')).toBe('https://relay.example.org/conclave');
  });
});
