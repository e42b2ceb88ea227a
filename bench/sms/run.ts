/**
 * `npm run bench:sms`: 10,000 SMS through the real relay (`server/main.ts`, SQLite with
 * synchronous=FULL) to an SMSC on loopback, window 10. Prints submits per second and
 * queued→delivered latency, beside two references measured in the same run:
 *   - the ceiling the SMPP window allows: window ÷ the submit_sm round trip on this link;
 *   - a bare SMPP client (no store, no queue) pumping the same 10,000 with the same window.
 * Then writes the figures into bench/RESULTS.md under "## SMS gateway".
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import smpp from 'smpp';
import sqlite3 from 'sqlite3';
import { composeSms } from '#core/sms/compose';
import { userData } from '../../server/sms/providers/smpp-pdus.ts';
import { setUpOrganisation, type Api } from '../../test/support/api.ts';
import { removeDataDir, startRelayProcess } from '../../test/support/relay.ts';
import { TestSmsc } from '../../test/support/smsc.ts';
import { addSmsMember, statusCounts, waitUntil } from '../../test/support/sms.ts';

const total = Number(process.env.BENCH_SMS_COUNT ?? 10_000);
const window = 10;
const pacedCount = Math.min(1000, total / 10);

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const fmt = (n: number, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** A bare client: bind, then keep `window` submit_sm in flight until `count` are answered. */
async function bareClient(url: string, count: number, inFlight: number): Promise<{ seconds: number; rtts: number[] }> {
  const u = new URL(url);
  const session = smpp.connect({ host: u.hostname, port: Number(u.port) });
  await new Promise<void>((resolve) => session.on('connect', () => resolve()));
  await new Promise<void>((resolve) =>
    session.bind_transceiver({ system_id: u.username, password: u.password, interface_version: 0x34 }, () => resolve()),
  );
  session.on('deliver_sm', (pdu: smpp.PDU) => session.send(pdu.response()));
  const data = userData(composeSms('Bench message'), 1);
  const rtts: number[] = [];
  const started = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    let done = 0;
    const next = () => {
      if (sent >= count) return;
      sent++;
      const t = performance.now();
      session.submit_sm(
        { destination_addr: '33612345678', source_addr: 'Bench', data_coding: data.dataCoding, short_message: data.parts[0]!, registered_delivery: 1 },
        () => {
          rtts.push(performance.now() - t);
          if (++done === count) resolve();
          else next();
        },
      );
    };
    for (let i = 0; i < inFlight; i++) next();
  });
  const seconds = (performance.now() - started) / 1000;
  session.destroy();
  return { seconds, rtts };
}

async function queue(admin: Api, prefix: string, n: number) {
  for (let start = 0; start < n; start += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, n - start) }, (_, k) =>
        admin.ok('POST', '/api/sms/messages', { to: '+33612345678', text: `${prefix} #${start + k}` }),
      ),
    );
  }
}

/** Milliseconds from `from` (or from queueing, if later) to the committed receipt, per message. */
function readLatencies(file: string, prefix: string, from: string): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => err && reject(err));
    db.all(
      `SELECT (julianday(d.at) - julianday(max(m.created_at, ?))) * 86400000 AS ms FROM sms_messages m
         JOIN sms_history d ON d.message_id = m.id AND d.status = 'delivered' WHERE m.text LIKE ?`,
      [from, `${prefix} #%`],
      (err: Error | null, rows: { ms: number }[]) => {
        db.close();
        if (err) reject(err);
        else resolve(rows.map((r) => r.ms).sort((a, b) => a - b));
      },
    );
  });
}

/** Queues `n` messages at `perSecond`, not waiting for answers in between. */
async function paced(admin: Api, prefix: string, n: number, perSecond: number) {
  const started = performance.now();
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(admin.ok('POST', '/api/sms/messages', { to: '+33612345678', text: `${prefix} #${i}` }));
  }
  await Promise.all(pending);
}

async function relayRun(smsc: TestSmsc, url: string) {
  const relay = await startRelayProcess({ env: { SMS_PROVIDER: 'smpp', SMPP_URL: url, SMPP_WINDOW: String(window), LOG_LEVEL: 'warn', ...(process.env.BENCH_SQLITE_SYNC ? { CONCLAVE_SQLITE_SYNCHRONOUS: process.env.BENCH_SQLITE_SYNC } : {}) } });
  try {
    const admin = await setUpOrganisation(relay.url);
    await addSmsMember(admin, 'Bob Martin', '+33612345678');
    smsc.holdBinds();
    const queuedAt = performance.now();
    await queue(admin, 'Bench', total);
    const queueSeconds = (performance.now() - queuedAt) / 1000;
    const before = smsc.submits.length;
    const started = performance.now();
    const releasedAt = new Date().toISOString();
    smsc.releaseBinds();
    await waitUntil(async () => smsc.submits.length - before >= total, 'every submit', 600_000);
    const submitSeconds = (performance.now() - started) / 1000;
    await waitUntil(async () => (await statusCounts(admin)).delivered === total, 'every receipt', 600_000);
    const deliveredSeconds = (performance.now() - started) / 1000;
    // Then a steady load well under the batch rate: latency without a backlog.
    const pacedRate = Math.max(10, Math.round(total / submitSeconds / 4));
    await paced(admin, 'Paced', pacedCount, pacedRate);
    await waitUntil(async () => (await statusCounts(admin)).delivered === total + pacedCount, 'the paced receipts', 600_000);
    await relay.stop();
    const file = path.join(relay.dataDir, 'conclave.sqlite');
    const latencies = await readLatencies(file, 'Bench', releasedAt);
    const pacedLatencies = await readLatencies(file, 'Paced', '1970-01-01T00:00:00.000Z');
    return { queueSeconds, submitSeconds, deliveredSeconds, latencies, pacedRate, pacedLatencies };
  } finally {
    await relay.stop();
    await removeDataDir(relay.dataDir);
  }
}

const smsc = new TestSmsc();
const url = await smsc.listen();
const load = loadavg().map((n) => n.toFixed(2)).join(' ');
console.log(`SMS benchmark: ${total} messages, window ${window}, load ${load}`);

const probe = await bareClient(url, 2000, 1);
const rtt = probe.rtts.reduce((a, b) => a + b, 0) / probe.rtts.length;
const ceiling = (window / rtt) * 1000;
const bare = await bareClient(url, total, window);
const relay = await relayRun(smsc, url).catch((err: unknown) => {
  console.error("relay run failed", err);
  process.exit(1);
});
await smsc.close();

const rows = [
  ['submit_sm round trip on this link, one at a time (ms, mean)', fmt(rtt, 3), ''],
  ['ceiling the window allows: window ÷ round trip (submits/s)', fmt(ceiling, 0), ''],
  ['bare SMPP client, window 10, no store (submits/s)', fmt(total / bare.seconds, 0), `${fmt((total / bare.seconds / ceiling) * 100, 0)} % of ceiling`],
  ['Conclave relay, window 10, durable queue (submits/s)', fmt(total / relay.submitSeconds, 0), `${fmt((relay.submitSeconds ? total / relay.submitSeconds / (total / bare.seconds) : 0) * 100, 0)} % of the bare client`],
  ['Conclave: release of the batch → last receipt recorded (s)', fmt(relay.deliveredSeconds, 2), ''],
  ['Conclave: batch released → delivered, p50 (ms)', fmt(pct(relay.latencies, 50), 0), 'includes waiting behind the batch'],
  ['Conclave: batch released → delivered, p99 (ms)', fmt(pct(relay.latencies, 99), 0), 'includes waiting behind the batch'],
  [`Conclave: steady ${relay.pacedRate}/s (${pacedCount} msgs), queued→delivered p50 (ms)`, fmt(pct(relay.pacedLatencies, 50), 1), 'no backlog'],
  [`Conclave: steady ${relay.pacedRate}/s (${pacedCount} msgs), queued→delivered p99 (ms)`, fmt(pct(relay.pacedLatencies, 99), 1), 'no backlog'],
  [`Conclave: ${total.toLocaleString('en-US')} POST /api/sms/messages, 50 at a time (s)`, fmt(relay.queueSeconds, 2), `${fmt(total / relay.queueSeconds, 0)} enqueues/s`],
];
const table = ['| measure | value | compared |', '| --- | ---: | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
console.log(table);

const section = `## SMS gateway

${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — \`npm run bench:sms\` — ${cpus().length} cores, Node ${process.versions.node}, load average ${load} at start

${total.toLocaleString('en-US')} messages (one GSM-7 segment each) queued through \`POST /api/sms/messages\` on the real relay
(\`server/main.ts\`, SQLite \`synchronous=FULL\`, every status change committed, group commit) while the SMSC held the bind;
then the bind was released and the relay sent them all with \`SMPP_WINDOW=10\` to the loopback SMSC
(test/support/smsc.ts, on the \`smpp\` package's server, answering at once and sending a receipt per message).
References in the same run: the ceiling the window allows on this link (window ÷ the measured submit_sm round
trip), and a bare \`smpp\` client keeping 10 submit_sm in flight with no store and no queue.
Latencies are read from the relay's own timeline (delivered = the receipt committed): for the batch, from the
release of the bind, so they include each message's wait behind those before it; then a steady load at a quarter
of the batch rate measures queued→delivered (queued = the enqueue committed) without a backlog.

${table}
`;
const file = path.resolve(import.meta.dirname, '../RESULTS.md');
const current = await readFile(file, 'utf8').catch(() => '# Benchmark results\n');
const start = current.indexOf('## SMS gateway');
const after = start === -1 ? -1 : current.indexOf('\n## ', start + 1);
const next =
  start === -1 ? `${current.trimEnd()}\n\n${section}` : `${current.slice(0, start)}${section}${after === -1 ? '' : `\n${current.slice(after + 1)}`}`;
await writeFile(file, next);
console.log(`written to ${file}`);
process.exit(0);
