/**
 * The soak's attackers, in their own process so that their CPU does not inflate the
 * honest client's figures in the measuring process: slow readers asking for the whole
 * document, a message flood, and random and mutated frames. Run by bench/soak/run.ts:
 *   node --import tsx bench/soak/attack.ts <relay url> <token> <activity> <fuzz frames> <seconds at most>
 * Prints one JSON line of counts when done.
 */
import { Api } from '../../test/support/api.ts';
import { mutate, random, validFrames } from '../../test/support/fuzz.ts';
import { awarenessFrame, stopReading, wholeDocumentPlease } from '../../test/support/hostile.ts';
import { openRaw, ticketFor, type RawClient } from '../../test/support/raw-client.ts';

const [url, token, activityId, fuzzArg, secondsArg] = process.argv.slice(2);
const api = new Api(url!, token!);
const fuzzFrames = Number(fuzzArg);
let deadline = Date.now() + Number(secondsArg) * 1000;
const counts = { fuzzSent: 0, fuzzConnections: 0, floodConnections: 0, slowReaders: 0, refused: 0, closeCodes: {} as Record<number, number> };

async function connect(): Promise<RawClient | null> {
  try {
    const t = await ticketFor(api, activityId!);
    const outcome = await openRaw(`${t.url}/${t.room}?ticket=${t.ticket}`);
    if (outcome.opened) return outcome.client;
  } catch {
    // refused ticket: counted below
  }
  counts.refused++;
  await new Promise((r) => setTimeout(r, 200));
  return null;
}

async function recordClose(client: RawClient) {
  const { code } = await client.closed;
  counts.closeCodes[code] = (counts.closeCodes[code] ?? 0) + 1;
}

/** Sends mutated frames, up to 20 per connection, then a probe; reconnects when closed. */
async function fuzzLane(seed: number, share: number) {
  const rnd = random(seed);
  const bases = validFrames();
  let sent = 0;
  while (sent < share && Date.now() < deadline) {
    const client = await connect();
    if (!client) continue;
    counts.fuzzConnections++;
    for (let i = 0; i < 20 && sent < share && client.socket.readyState === client.socket.OPEN; i++) {
      const base = bases[Math.floor(rnd() * bases.length)]!;
      client.send(rnd() < 0.05 ? base : mutate(base, rnd));
      sent++;
      counts.fuzzSent++;
    }
    if (client.socket.readyState === client.socket.OPEN) client.socket.close();
    await recordClose(client);
  }
}

/** Asks for the whole document again and again without reading. */
async function slowReader() {
  while (Date.now() < deadline) {
    const client = await connect();
    if (!client) continue;
    counts.slowReaders++;
    stopReading(client.socket);
    for (let i = 0; i < 1000 && client.socket.readyState === client.socket.OPEN; i++) client.send(wholeDocumentPlease);
    const closed = await Promise.race([client.closed, new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]);
    if (!closed) client.socket.terminate();
  }
}

/** Sends presence as fast as the socket takes it, until closed (4029), then again. */
async function flood() {
  let clock = 0;
  while (Date.now() < deadline) {
    const client = await connect();
    if (!client) continue;
    counts.floodConnections++;
    while (client.socket.readyState === client.socket.OPEN && Date.now() < deadline) {
      client.send(awarenessFrame([{ clientId: 5151, clock: ++clock, json: JSON.stringify({ cursor: 'f'.repeat(4000) }) }]));
      if (clock % 50 === 0) await new Promise((r) => setImmediate(r));
    }
    if (client.socket.readyState === client.socket.OPEN) client.socket.close();
    await recordClose(client);
  }
}

const lanes = 4;
const fuzzing = Promise.all(Array.from({ length: lanes }, (_, i) => fuzzLane(20261204 + i, fuzzFrames / lanes)));
// The slow readers and the flood go on until the fuzz frames are all sent.
void fuzzing.then(() => (deadline = Math.min(deadline, Date.now())));
await Promise.all([fuzzing, slowReader(), slowReader(), flood()]);
const cpu = process.cpuUsage();
process.stdout.write(`${JSON.stringify({ ...counts, cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)) })}\n`);
process.exit(0);
