/**
 * Attached files' bytes in a folder (the relay on SQLite: the reference) against in
 * PostgreSQL (`file_chunks`, server/files/postgres-blobs.ts), through a real relay process
 * each, the same load in the same run, alternating: files uploaded (multipart, streamed to a
 * temporary file, then stored) and downloaded whole, one at a time. Prints the median time
 * of each and how far the relay's RSS rose, and what PostgreSQL's database holds after.
 * `BENCH_FILES_QUICK=1`: a tenth of the bytes, nothing to record.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { addPerson, setUpOrganisation, type Api } from '../../test/support/api.ts';
import { startPostgres } from '../../test/support/postgres.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../test/support/relay.ts';
import { queryStore } from '../../test/support/store-reader.ts';
import { upload } from '../../test/support/uploads.ts';

const quick = process.env.BENCH_FILES_QUICK === '1';
// The largest a relay takes by default is just under 100 MiB (CONCLAVE_FILE_MAX_BYTES).
const sizes = (quick ? [1, 10] : [10, 99]).map((mb) => mb * 1024 * 1024);
const rounds = quick ? 2 : 3;

/** A process's resident memory; 0 once it is gone (its death shows in the round's request). */
const rssOf = (pid: number) => {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) * 1024;
  } catch {
    return 0;
  }
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Side {
  name: string;
  relay: RelayProcess;
  bob: Api;
  activity: string;
}

async function side(name: string, env: Record<string, string>): Promise<Side> {
  const relay = await startRelayProcess({ env });
  const admin = await setUpOrganisation(relay.url);
  const bob = await addPerson(admin, 'Bob Martin');
  const { id: activity } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Bench', question: 'How fast are files?' });
  await admin.ok('POST', `/api/activities/${activity}/members`, { userId: bob.id, role: 'contributor' });
  return { name, relay, bob: bob.api, activity };
}

/** One upload then one download of `bytes`: the times, and the relay's RSS peak above where it started. */
async function round(s: Side, bytes: Buffer) {
  const pid = s.relay.child.pid!;
  const base = rssOf(pid);
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 5);
  let t = performance.now();
  const sent = await upload(s.bob, s.activity, [{ bytes, name: 'bench.bin' }]);
  if (sent.status !== 201) throw new Error(`${s.name}: upload answered ${sent.status} ${JSON.stringify(sent.body)}\n${s.relay.output().slice(-3000)}`);
  const up = performance.now() - t;
  t = performance.now();
  const res = await fetch(`${s.bob.base}/api/files/${sent.body.id}`, { headers: { authorization: `Bearer ${s.bob.token}` } });
  const hash = createHash('sha256');
  const reader = res.body!.getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) hash.update(part.value);
  const down = performance.now() - t;
  clearInterval(timer);
  if (hash.digest('hex') !== sha(bytes)) throw new Error(`${s.name}: the download differs`);
  // Removed, so the next round stores its bytes afresh.
  if ((await s.bob.call('DELETE', `/api/files/${sent.body.id}`)).status !== 204) throw new Error(`${s.name}: removal refused`);
  return { up, down, rss: peak - base };
}

const postgres = await startPostgres();
const sides: Side[] = [];
try {
  sides.push(await side('folder (SQLite)', { CONCLAVE_DEFAULT_PLAN: 'unlimited' }));
  sides.push(await side('PostgreSQL chunks', { CONCLAVE_DEFAULT_PLAN: 'unlimited', CONCLAVE_DATABASE_URL: await postgres.createDatabase() }));
  console.log(`files: ${sizes.map((b) => `${b / 2 ** 20} MiB`).join(', ')}, ${rounds} rounds each, sides alternating; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`);
  console.log('| file | side | upload, median | download, median | relay RSS rise, median (max) |');
  console.log('| ---: | --- | ---: | ---: | ---: |');
  for (const size of sizes) {
    const results = new Map<string, { up: number; down: number; rss: number }[]>();
    for (let r = 0; r < rounds; r++) {
      for (const s of sides) if (s.relay.child.exitCode !== null || s.relay.child.signalCode !== null) throw new Error(`${s.name}: the relay ended:\n${s.relay.output().slice(-3000)}`);
      const bytes = randomBytes(size);
      for (const s of r % 2 === 0 ? sides : [...sides].reverse()) {
        const got = await round(s, bytes);
        results.set(s.name, [...(results.get(s.name) ?? []), got]);
      }
    }
    for (const s of sides) {
      const got = results.get(s.name)!;
      const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
      const ms = (n: number) => `${(n / 1000).toFixed(2)} s`;
      console.log(`| ${size / 2 ** 20} MiB | ${s.name} | ${ms(median(got.map((g) => g.up)))} | ${ms(median(got.map((g) => g.down)))} | ${mb(median(got.map((g) => g.rss)))} (${mb(Math.max(...got.map((g) => g.rss)))}) |`);
    }
  }
  const left = await queryStore<{ n: number }>(sides[1]!.relay.dataDir, 'SELECT COUNT(*) AS n FROM file_chunks');
  console.log(`chunks left in PostgreSQL after every removal: ${left[0]!.n}`);
} finally {
  for (const s of sides) {
    await s.relay.stop();
    await removeDataDir(s.relay.dataDir);
  }
  await postgres.stop();
}
