import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, password, setUpOrganisation, type Api } from '../../support/api.ts';
import { callFrom } from '../../support/from-address.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';

/**
 * Issue 11, finding 7 on the real relay: a flood of wrong sign-ins is throttled per
 * address and per account (429 with Retry-After, a growing delay), hashing is bounded
 * and kept off the store's threads so honest calls are answered meanwhile, and no
 * attacker can lock the owner out: from another address they still get in.
 */
type Answer = Awaited<ReturnType<typeof callFrom>>;

/**
 * 300 wrong guesses judged: every answer a refusal — 401 when a hash ran and said wrong,
 * 429 throttled before any hash, 503 the hashing queue full — with few hashed and most throttled.
 */
function expectFewHashed(answers: Answer[]) {
  const count = (status: number) => answers.filter((a) => a.status === status).length;
  expect(count(401) + count(429) + count(503)).toBe(300);
  expect(count(401)).toBeLessThanOrEqual(16);
  expect(count(429)).toBeGreaterThanOrEqual(250);
  const throttled = answers.find((a) => a.status === 429)!;
  expect(throttled.body.error?.code).toBe('rate_limited');
  expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
}

describe('sign-in floods', () => {
  let relay: RelayProcess;
  let admin: Api;
  let dana: Api;
  const bob = 'bob.martin@durand.example';

  beforeAll(async () => {
    relay = await startRelayProcess();
    admin = await setUpOrganisation(relay.url);
    await addPerson(admin, 'Bob Martin');
    dana = (await addPerson(admin, 'Dana Roy')).api;
  });

  afterAll(async () => {
    await relay?.stop();
    if (relay) await removeDataDir(relay.dataDir);
  });

  it('300 concurrent wrong sign-ins: most answered 429 with Retry-After, few hashed, and an honest call is answered meanwhile', async () => {
    const flood = Array.from({ length: 300 }, (_, i) =>
      callFrom('127.0.0.1', relay.url, 'POST', '/api/session', { email: bob, password: `wrong password ${i}` }),
    );
    const honest = callFrom('127.0.0.1', relay.url, 'GET', '/api/me', undefined, admin.token ?? '');
    expectFewHashed(await Promise.all(flood));
    expect((await honest).status).toBe(200);
  }, 120_000);

  it('the delay grows with each refused attempt', async () => {
    const delays: number[] = [];
    // Guess after guess, waiting out each refusal: the refusals ask for longer and longer waits.
    for (let i = 0; i < 30 && delays.length < 3; i++) {
      const answer = await callFrom('127.0.0.4', relay.url, 'POST', '/api/session', { email: 'carol@durand.example', password: 'wrong wrong wrong' });
      expect([401, 429]).toContain(answer.status);
      if (answer.status === 429) {
        delays.push(Number(answer.headers['retry-after']));
        await sleep(Number(answer.headers['retry-after']) * 1000);
      }
    }
    expect(delays.length).toBe(3);
    expect(delays.at(-1)!).toBeGreaterThan(delays[0]!);
  }, 180_000);

  it('no lockout: after floods from several addresses, the owner signs in from another one after a short delay', async () => {
    for (const address of ['127.0.0.5', '127.0.0.6', '127.0.0.7', '127.0.0.8']) {
      await Promise.all(
        Array.from({ length: 30 }, () => callFrom(address, relay.url, 'POST', '/api/session', { email: bob, password: 'not the password' })),
      );
    }
    let answer = await callFrom('127.0.0.9', relay.url, 'POST', '/api/session', { email: bob, password });
    for (let tries = 0; answer.status === 429 && tries < 3; tries++) {
      const wait = Number(answer.headers['retry-after']);
      expect(wait).toBeLessThanOrEqual(10);
      await sleep(wait * 1000);
      answer = await callFrom('127.0.0.9', relay.url, 'POST', '/api/session', { email: bob, password });
    }
    expect(answer.status).toBe(201);
    expect(typeof answer.body.token).toBe('string');
  }, 120_000);

  it('a member guessing their own current password (new password, new e-mail) is throttled like a sign-in: 300 concurrent guesses, few hashed', async () => {
    const token = dana.token ?? '';
    const flood = Array.from({ length: 300 }, (_, i) =>
      i % 2 === 0
        ? callFrom('127.0.0.11', relay.url, 'POST', '/api/me/password', { current: `guess ${i}`, password: 'a brand new passphrase' }, token)
        : callFrom('127.0.0.11', relay.url, 'POST', '/api/me/email', { email: 'dana@elsewhere.example', password: `guess ${i}` }, token),
    );
    expectFewHashed(await Promise.all(flood));
    // Nothing changed: Dana still signs in with her password, from another address, under her address.
    const again = await callFrom('127.0.0.12', relay.url, 'POST', '/api/session', { email: 'dana.roy@durand.example', password });
    expect(again.status).toBe(201);
  }, 120_000);

  it('setup, once done, refuses at once without hashing: 200 concurrent attempts are all 409', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        callFrom('127.0.0.10', relay.url, 'POST', '/api/setup', { organization: 'Other', name: 'Mallory', email: `m${i}@evil.example`, password }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 409));
    expect((await callFrom('127.0.0.10', relay.url, 'GET', '/api/me', undefined, admin.token ?? '')).status).toBe(200);
  });
});
