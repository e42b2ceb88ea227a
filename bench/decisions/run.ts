/**
 * `npm run bench` (bench/decisions): a decision published to 20,001 members with decision
 * e-mail on for all of them, on the real relay (`server/main.ts`, SQLite, mail kept in
 * the in-app outbox so that only the relay's own work is timed), beside the same load on
 * a reference commit in the same run: by default the relay just before decision e-mails
 * left the publishing request (BENCH_DECISIONS_REFERENCE, a commit; `none` skips it).
 *
 * Printed per run: the publishing request's answer time; the time until every member's
 * e-mail is queued, and until every one is sent (kept in the outbox); the time until every
 * SMS status is recorded; and reads (GET the decision) answered while all that runs
 * (p50 / max). Then written into bench/RESULTS.md under "## Decision e-mails".
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { addPerson, setUpOrganisation } from '../../test/support/api.ts';
import { removeDataDir, startRelayProcess } from '../../test/support/relay.ts';
import { numbers, seedMembers, seedStore } from '../../test/support/seed.ts';
import { queryStore } from '../../test/support/store.ts';

const members = Number(process.env.BENCH_DECISION_MEMBERS ?? 20_000);
const reference = process.env.BENCH_DECISIONS_REFERENCE ?? '9d7dba5^';
const giveUpMs = Number(process.env.BENCH_DECISIONS_GIVE_UP_MS ?? 15 * 60_000);
const repo = path.resolve(import.meta.dirname, '../..');
/** Where the reference commit is read from (this checkout unless told). */
const gitRepo = process.env.BENCH_GIT_REPO ?? repo;

interface Run {
  label: string;
  publishMs: number;
  queuedMs: number | null;
  sentMs: number | null;
  smsMs: number | null;
  queued: number;
  reads: number[];
}

const fmt = (ms: number | null) => (ms === null ? 'not done' : ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function run(label: string, root?: string): Promise<Run> {
  const relay = await startRelayProcess({ root, env: { MAIL_FROM: 'Conclave <conclave@bench.example>' } });
  try {
    const admin = await setUpOrganisation(relay.url);
    // As in the large-decisions test: facilitators may text every member, so the SMS go too.
    await admin.ok('PATCH', '/api/sms/settings', { massSms: 'facilitators' });
    const { api: fiona, id: fionaId } = await addPerson(admin, 'Fiona Facilitator');
    const { id: activity } = await fiona.ok<{ id: string }>('POST', '/api/activities', { title: 'Everyone', question: 'Do we all move to the new site?' });
    await seedStore(relay.dataDir, [
      ...seedMembers(members, fionaId, activity),
      // E-mail on for everyone, whatever the defaults of the commit under test.
      {
        sql: `INSERT INTO notification_prefs (user_id, kind, email, sms) ${numbers(members)} SELECT 'seed-user-' || i, 'decision_published', 1, 1 FROM n`,
      },
      { sql: `INSERT INTO notification_prefs (user_id, kind, email, sms) VALUES (?, 'decision_published', 1, 1)`, params: [fionaId] },
    ]);
    const total = members + 1;
    const started = performance.now();
    const published = await fiona.call('POST', `/api/activities/${activity}/decision`, { outcome: 'We move in March.', rationale: 'The lease ends.' });
    const publishMs = performance.now() - started;
    if (published.status !== 201) throw new Error(`publishing answered ${published.status}`);
    const reads: number[] = [];
    let queuedMs: number | null = null;
    let sentMs: number | null = null;
    let smsMs: number | null = null;
    let queued = 0;
    while (performance.now() - started < giveUpMs && (queuedMs === null || sentMs === null || smsMs === null)) {
      const t = performance.now();
      await fiona.ok('GET', `/api/activities/${activity}/decision`);
      reads.push(performance.now() - t);
      const [mail] = await queryStore<{ n: number; sent: number }>(
        relay.dataDir,
        `SELECT COUNT(*) AS n, SUM(status = 'sent') AS sent FROM mail_messages WHERE kind = 'notification.decision_published'`,
      );
      const [sms] = await queryStore<{ n: number }>(relay.dataDir, 'SELECT COUNT(*) AS n FROM decision_recipients WHERE sms_status IS NOT NULL');
      const now = performance.now() - started;
      queued = mail?.n ?? 0;
      if (queuedMs === null && queued >= total) queuedMs = now;
      if (sentMs === null && (mail?.sent ?? 0) >= total) sentMs = now;
      if (smsMs === null && (sms?.n ?? 0) >= total) smsMs = now;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return { label, publishMs, queuedMs, sentMs, smsMs, queued, reads: reads.sort((a, b) => a - b) };
  } finally {
    await relay.stop();
    await removeDataDir(relay.dataDir);
  }
}

/** The reference commit's tree, unpacked beside this one, with this checkout's node_modules. */
async function checkout(commit: string): Promise<{ dir: string; hash: string }> {
  const hash = execFileSync('git', ['rev-parse', '--short', commit], { cwd: gitRepo }).toString().trim();
  const dir = await mkdtemp(path.join(tmpdir(), 'conclave-bench-ref-'));
  execFileSync('sh', ['-c', `git archive ${hash} | tar -x -C ${dir}`], { cwd: gitRepo });
  await symlink(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'));
  return { dir, hash };
}

const runs: Run[] = [];
let refDir: string | null = null;
if (reference !== 'none') {
  try {
    const ref = await checkout(reference);
    refDir = ref.dir;
    runs.push(await run(`reference ${ref.hash} (e-mails in the SMS batches)`, ref.dir));
  } catch (err) {
    console.log(`reference ${reference} not run: ${String(err).slice(0, 300)}`);
  }
}
runs.push(await run('this relay (e-mails queued in their own batches)'));
if (refDir) await rm(refDir, { recursive: true, force: true });

const header = '| relay | publish answers | every e-mail queued | every e-mail sent (outbox) | every SMS status | reads meanwhile p50 / max (n) |';
const lines = [header, '|---|---|---|---|---|---|'];
for (const r of runs) {
  lines.push(
    `| ${r.label} | ${fmt(r.publishMs)} | ${r.queuedMs === null ? `not done (${r.queued.toLocaleString('en-US')} queued)` : fmt(r.queuedMs)} | ${fmt(r.sentMs)} | ${fmt(r.smsMs)} | ${fmt(pct(r.reads, 50))} / ${fmt(r.reads.at(-1) ?? NaN)} (${r.reads.length}) |`,
  );
}
const table = lines.join('\n');
console.log(`\n${(members + 1).toLocaleString('en-US')} recipients, e-mail on for all\n${table}`);

const file = path.join(repo, 'bench/RESULTS.md');
const results = await readFile(file, 'utf8');
const section = `## Decision e-mails

\`npm run bench\` (bench/decisions/run.ts), ${new Date().toISOString().slice(0, 16)} UTC, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}
when it ended. A decision published to ${(members + 1).toLocaleString('en-US')} members (seeded through the store), every one
wanting it by e-mail; mail kept in the in-app outbox (no SMTP server), so the figures are the relay's own work.
Times from the publishing request; "not done" means not within ${giveUpMs / 60_000} minutes.

${table}
`;
const start = results.indexOf('## Decision e-mails');
const next = start < 0 ? -1 : results.indexOf('\n## ', start + 1);
const updated = start < 0 ? `${results.trimEnd()}\n\n${section}` : `${results.slice(0, start)}${section}${next < 0 ? '' : results.slice(next)}`;
await writeFile(file, updated);
