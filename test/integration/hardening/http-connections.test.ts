import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrganisation, type Api } from '../../support/api.ts';
import { openWithTicket, type RawClient } from '../../support/raw-client.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { waitUntil } from '../../support/sms.ts';

/** A TCP connection to the relay that sends nothing: it only holds a place (a slow client, or a slowloris). */
async function idleSocket(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  return socket;
}

/** One HTTP/1.1 exchange on a fresh connection: the status and body the relay answered, read until it closes. */
async function exchange(url: string, path = '/healthz'): Promise<{ status: number; headers: string; body: string }> {
  const socket = await idleSocket(url);
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(`GET ${path} HTTP/1.1\r\nHost: relay\r\nConnection: close\r\n\r\n`);
  await closed;
  const text = Buffer.concat(chunks).toString();
  const [head = '', body = ''] = text.split('\r\n\r\n');
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head, body };
}

const closeSocket = (socket: Socket) => new Promise<void>((resolve) => socket.once('close', () => resolve()).destroy());

/**
 * Issue 11, finding 2 (no cap on connections per address), for plain HTTP: idle TCP
 * connections from one address hold at most CONCLAVE_MAX_HTTP_CONNECTIONS_PER_ADDRESS
 * places; one more is answered 429 `rate_limited` and closed, on the real relay. Sync
 * websockets, once upgraded, are counted by C2 instead.
 */
describe('HTTP connections per address (README limits; SPEC C5)', () => {
  let relay: RelayProcess;
  let admin: Api;
  const cap = 8;

  beforeAll(async () => {
    relay = await startRelayProcess({ env: { CONCLAVE_MAX_HTTP_CONNECTIONS_PER_ADDRESS: String(cap) } });
    admin = await setUpOrganisation(relay.url);
  });

  afterAll(async () => {
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it('C5: idle connections fill the address\'s places; one more is refused with 429 rate_limited, a freed place is taken again', async () => {
    // The API client's own keep-alive connection may hold one place: wait until it is let go.
    await waitUntil(async () => (await exchange(relay.url)).status === 200, 'the relay to answer');
    const idle: Socket[] = [];
    for (let i = 0; i < cap; i++) idle.push(await idleSocket(relay.url));

    const refused = await exchange(relay.url);
    expect(refused.status).toBe(429);
    expect(refused.headers).toMatch(/retry-after: \d+/i);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'rate_limited', message: expect.stringMatching(/connections/) } });

    // The refused connection left no place taken; a freed place serves again.
    await closeSocket(idle.pop() as Socket);
    await waitUntil(async () => (await exchange(relay.url)).status === 200, 'a freed place to serve');
    expect((await exchange(relay.url, '/api/me')).status).toBe(401);
    for (const socket of idle) await closeSocket(socket);
  });

  it('C5: upgraded sync connections leave the HTTP places free (C2 counts them)', async () => {
    const { id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Rent', question: 'Which office do we rent?' });
    const sockets: RawClient[] = [];
    for (let i = 0; i < cap + 4; i++) sockets.push(await openWithTicket(admin, activityId));
    expect(sockets).toHaveLength(cap + 4);
    expect((await exchange(relay.url)).status).toBe(200);
    for (const client of sockets) client.socket.close();
    await Promise.all(sockets.map((c) => c.closed));
  });
});
