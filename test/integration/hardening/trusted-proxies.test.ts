import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, password, setUpOrganisation, type Api } from '../../support/api.ts';
import { callFrom } from '../../support/from-address.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';

/**
 * Nodes behind a load balancer (README, deployment): every request reaches the relay from
 * the balancer's address, so a limit per address would hold every person at once — one
 * guesser would slow everyone's sign-in. With CONCLAVE_TRUSTED_PROXIES naming the balancer,
 * the relay takes the client's address from X-Forwarded-For (the last address a trusted
 * proxy saw), and only from a trusted proxy: anyone else's header is ignored.
 */
const proxy = '127.0.0.2';
const stranger = '127.0.0.3';
const guesser = '203.0.113.7';
const honest = '198.51.100.9';

/** Wrong guesses at one account after another (password spraying), until refused: an address has 30 free. */
async function guessFrom(relay: RelayProcess, local: string, forwardedFor: string) {
  const statuses: number[] = [];
  for (let i = 0; i < 40 && statuses.at(-1) !== 429; i++) {
    const email = `someone.${i}@elsewhere.example`;
    const answer = await callFrom(local, relay.url, 'POST', '/api/session', { email, password: `wrong ${i}` }, undefined, { 'x-forwarded-for': forwardedFor });
    statuses.push(answer.status);
  }
  return statuses;
}

async function openSockets(url: string, local: string, count: number): Promise<Socket[]> {
  const { hostname, port } = new URL(url);
  const sockets: Socket[] = [];
  for (let i = 0; i < count; i++) {
    const socket = connect({ port: Number(port), host: hostname, localAddress: local });
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    socket.on('error', () => undefined);
    sockets.push(socket);
  }
  return sockets;
}

/** What the relay answers a request sent on `socket` (or the 429 it already wrote on it). */
function statusOn(socket: Socket): Promise<number> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const head = /^HTTP\/1\.1 (\d{3})/.exec(Buffer.concat(chunks).toString());
      if (head) resolve(Number(head[1]));
    });
    socket.once('close', () => resolve(0));
    socket.write('GET /healthz HTTP/1.1\r\nHost: relay\r\n\r\n');
  });
}

describe('clients behind a trusted proxy (CONCLAVE_TRUSTED_PROXIES)', () => {
  let relay: RelayProcess;
  let admin: Api;
  const dana = { email: 'dana.roy@durand.example' };

  beforeAll(async () => {
    relay = await startRelayProcess({ env: { CONCLAVE_TRUSTED_PROXIES: `${proxy}, 10.0.0.0/8`, CONCLAVE_MAX_HTTP_CONNECTIONS_PER_ADDRESS: '6' } });
    admin = await setUpOrganisation(relay.url);
    await addPerson(admin, 'Dana Roy');
  });

  afterAll(async () => {
    await relay?.stop();
    if (relay) await removeDataDir(relay.dataDir);
  });

  it('a guesser behind the proxy is throttled by their own address; another person behind it signs in at once', async () => {
    const statuses = await guessFrom(relay, proxy, guesser);
    expect(statuses.length).toBeGreaterThan(30);
    expect(statuses.at(-1)).toBe(429);
    const again = await callFrom(proxy, relay.url, 'POST', '/api/session', { email: dana.email, password: 'wrong again' }, undefined, { 'x-forwarded-for': guesser });
    expect(again.status).toBe(429);
    const other = await callFrom(proxy, relay.url, 'POST', '/api/session', { email: dana.email, password }, undefined, { 'x-forwarded-for': honest });
    expect(other.status).toBe(201);
  }, 120_000);

  it('the address taken is the last one a trusted proxy added: one the client wrote itself before it changes nothing', async () => {
    // The guesser writes an honest-looking address; the proxy appends the one it saw.
    const spoofed = await callFrom(proxy, relay.url, 'POST', '/api/session', { email: dana.email, password }, undefined, { 'x-forwarded-for': `${honest}, ${guesser}` });
    expect(spoofed.status).toBe(429);
    // Through two trusted proxies (the balancer, then an inner one at 10.1.2.3): the client is the last untrusted address.
    const chained = await callFrom(proxy, relay.url, 'POST', '/api/session', { email: dana.email, password }, undefined, { 'x-forwarded-for': `${guesser}, ${honest}, 10.1.2.3` });
    expect(chained.status).toBe(201);
  });

  it('from anyone but a trusted proxy, X-Forwarded-For is ignored: the guesser cannot pose as someone else', async () => {
    const statuses = await guessFrom(relay, stranger, '192.0.2.1');
    expect(statuses.at(-1)).toBe(429);
    const posing = await callFrom(stranger, relay.url, 'POST', '/api/session', { email: dana.email, password }, undefined, { 'x-forwarded-for': '192.0.2.200' });
    expect(posing.status).toBe(429);
  }, 120_000);

  it('C5: a trusted proxy holds as many connections as it needs; anyone else no more than the cap', async () => {
    const viaProxy = await openSockets(relay.url, proxy, 10);
    const fromStranger = await openSockets(relay.url, '127.0.0.4', 7);
    try {
      expect(await Promise.all(viaProxy.map(statusOn))).toEqual(Array(10).fill(200));
      const strangerStatuses = await Promise.all(fromStranger.map(statusOn));
      expect(strangerStatuses.filter((s) => s === 200)).toHaveLength(6);
      expect(strangerStatuses.filter((s) => s === 429)).toHaveLength(1);
    } finally {
      for (const socket of [...viaProxy, ...fromStranger]) socket.destroy();
    }
  });
});
