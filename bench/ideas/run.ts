/**
 * `npm run bench` (bench/ideas): an idea box of 5,000 ideas and 50,000 votes on the real
 * relay (`server/main.ts`, SQLite synchronous=FULL). Lists one page sorted by votes, by
 * newest, by category, filtered by category, deep in the list; similar titles; top
 * contributors; a vote and its withdrawal — each 200 times over HTTP on loopback, p50
 * and p99 — beside the same SQL on a copy of the same store without the API layer (the
 * reference), in the same run. Then the built client in Chromium opens the box, votes
 * and pages. Writes the figures into bench/RESULTS.md under "## Ideas".
 */
import { existsSync, readFileSync } from 'node:fs';
import { similarTitles } from '#core/ideas/similar';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { addPerson, password, setUpOrganisation, type Api } from '../../test/support/api.ts';
import { removeDataDir, startRelayProcess } from '../../test/support/relay.ts';
import { measureClient } from './client.ts';
import { PlainStore, pageQuery, plainVote } from './reference.ts';
import { seedIdeaBox } from './seed.ts';

const ideas = Number(process.env.BENCH_IDEAS ?? 5_000);
const votes = Number(process.env.BENCH_IDEA_VOTES ?? 50_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 200);
const categories = ['Eat well', 'Children', 'Loyalty', 'Environment', 'Shopping'];
const webRoot = path.resolve(import.meta.dirname, '../../dist/web');

const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const fmt = (n: number, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** CPU time a process has used so far (ms), from /proc (clock ticks of 10 ms on Linux). */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

type Row = { name: string; api: number[]; reference: number[]; apiCpu: number; referenceCpu: number };
const rows: Row[] = [];

/**
 * Runs the API call and its reference `rounds` times each, in alternating blocks of a
 * tenth, so that both meet the same moments of the machine's other load; besides each
 * round trip, the CPU the relay (API) or this process (reference) spent per call — what
 * the work costs, whatever the wait for a core.
 */
async function compare(name: string, apiWork: (i: number) => Promise<unknown>, refWork: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 10; i++) {
    await apiWork(i);
    await refWork(i);
  }
  const row: Row = { name, api: [], reference: [], apiCpu: 0, referenceCpu: 0 };
  const block = Math.max(1, Math.floor(rounds / 10));
  for (let b = 0; b * block < rounds; b++) {
    const relayCpu = cpuMsOf(relayPid());
    for (let i = b * block; i < Math.min(rounds, (b + 1) * block); i++) {
      const t = performance.now();
      await apiWork(i);
      row.api.push(performance.now() - t);
    }
    row.apiCpu += cpuMsOf(relayPid()) - relayCpu;
    const ownCpu = process.cpuUsage();
    for (let i = b * block; i < Math.min(rounds, (b + 1) * block); i++) {
      const t = performance.now();
      await refWork(i);
      row.reference.push(performance.now() - t);
    }
    const used = process.cpuUsage(ownCpu);
    row.referenceCpu += (used.user + used.system) / 1000;
  }
  row.apiCpu /= row.api.length;
  row.referenceCpu /= row.reference.length;
  rows.push(row);
}

const load = loadavg().map((l) => l.toFixed(2)).join(' ');
const workDir = await mkdtemp(path.join(tmpdir(), 'conclave-bench-ideas-'));
let relay = await startRelayProcess({ env: { CONCLAVE_WEB_ROOT: existsSync(path.join(webRoot, 'index.html')) ? webRoot : '' } });
const admin = await setUpOrganisation(relay.url);
const fiona = (await addPerson(admin, 'Fiona Facilitator')).api;
const vera = await addPerson(admin, 'Vera Voter');
const me = await admin.ok<{ organization: { id: string } }>('GET', '/api/me');
const { id: boxId } = await fiona.ok<{ id: string }>('POST', '/api/activities', {
  kind: 'ideas',
  title: 'If you were us',
  question: 'If you were us, what would you do?',
  categories,
});
const { id: smallBoxId } = await fiona.ok<{ id: string }>('POST', '/api/activities', {
  kind: 'ideas',
  title: 'Small box',
  question: 'If you were us, what would you do?',
  categories,
});
for (let i = 0; i < 50; i++) {
  await fiona.ok('POST', `/api/activities/${smallBoxId}/ideas`, { title: `Small idea ${i}`, text: 'A short idea.', category: categories[i % 5] });
}

console.log(`seeding ${ideas} ideas and ${votes} votes…`);
await relay.stop();
await seedIdeaBox(relay.dataDir, { orgId: me.organization.id, boxId, categories, people: 200, ideas, votes });
const plain = await PlainStore.copyOf(relay.dataDir, workDir);
relay = await relay.restart();
const api: Api = vera.api;
const viewer = vera.id;

const relayPid = () => relay.child.pid ?? 0;
async function listCase(name: string, query: string, order: string, where: string | null, whereParams: string[], offset: number) {
  const q = pageQuery(order, where ? `i.activity_id = ? AND ${where}` : 'i.activity_id = ?');
  await compare(
    name,
    () => api.ok('GET', `/api/activities/${boxId}/ideas?${query}`),
    async () => {
      await plain.all(q.page, [viewer, boxId, ...whereParams, viewer, 50, offset]);
      await plain.all(q.count, [boxId, ...whereParams, viewer]);
    },
  );
}

await listCase('list, most votes, first 50', 'sort=votes', 'i.vote_count DESC, i.created_at DESC, i.id DESC', null, [], 0);
await listCase('list, newest, first 50', 'sort=newest', 'i.created_at DESC, i.id DESC', null, [], 0);
await listCase('list, by category, first 50', 'sort=category', 'i.category, i.vote_count DESC, i.created_at DESC, i.id DESC', null, [], 0);
await listCase('list, one category, most votes', 'sort=votes&category=Children', 'i.vote_count DESC, i.created_at DESC, i.id DESC', 'i.category = ?', ['Children'], 0);
await listCase('list, most votes, page at 2,500', 'sort=votes&offset=2500', 'i.vote_count DESC, i.created_at DESC, i.id DESC', null, [], 2500);
await listCase('list, awaiting an answer', 'sort=votes&status=new', 'i.vote_count DESC, i.created_at DESC, i.id DESC', 'i.status = ?', ['new'], 0);

const title = encodeURIComponent('Greener recycling in every store');
await compare(
  `similar titles (${ideas.toLocaleString('en-US')} compared)`,
  () => api.ok('GET', `/api/activities/${boxId}/ideas/similar?title=${title}`),
  // Reference: the plain way, every keystroke scanning the titles and folding each one.
  async () => {
    const found = (await plain.all('SELECT id, title, vote_count, status FROM ideas WHERE activity_id = ? AND hidden_at IS NULL', [boxId])) as { title: string }[];
    similarTitles(decodeURIComponent(title), found);
  },
);
await compare(
  'top contributors',
  () => api.ok('GET', `/api/activities/${boxId}/contributors`),
  () =>
    plain.all(
      `SELECT u.id, u.name, COUNT(*) AS ideas, SUM(i.vote_count) AS votes, SUM(i.status = 'accepted') AS accepted,
              SUM(i.status = 'implemented') AS implemented, SUM(i.status = 'declined') AS declined
         FROM ideas i JOIN users u ON u.id = i.author_id WHERE i.activity_id = ? AND i.hidden_at IS NULL
        GROUP BY u.id ORDER BY votes DESC, ideas DESC, u.name LIMIT 20`,
      [boxId],
    ),
);
const target = (i: number) => `bench-idea-${String((i * 7) % ideas).padStart(5, '0')}`;
await compare(
  'vote (POST, committed)',
  (i) => api.ok('POST', `/api/ideas/${target(i)}/votes`),
  (i) => plainVote(plain, target(i), viewer, true),
);
await compare(
  'withdraw the vote (DELETE, committed)',
  (i) => api.ok('DELETE', `/api/ideas/${target(i)}/votes`),
  (i) => plainVote(plain, target(i), viewer, false),
);
await plain.close();

const table = [
  '| operation | API p50 (ms) | API p99 (ms) | relay CPU per call (ms) | plain SQL p50 (ms) | plain SQL p99 (ms) | plain CPU per call (ms) | ratio p50 |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${fmt(pct(r.api, 50), 2)} | ${fmt(pct(r.api, 99), 2)} | ${fmt(r.apiCpu, 2)} | ${fmt(pct(r.reference, 50), 2)} | ${fmt(pct(r.reference, 99), 2)} | ${fmt(r.referenceCpu, 2)} | ${fmt(pct(r.api, 50) / pct(r.reference, 50), 1)}× |`,
  ),
].join('\n');
console.log(table);

let clientTable = '_The client was not measured: build it first (`npm run build:web`)._';
if (existsSync(path.join(webRoot, 'index.html'))) {
  const big = await measureClient(relay.url, 'vera.voter@durand.example', password, boxId, 50);
  const small = await measureClient(relay.url, 'vera.voter@durand.example', password, smallBoxId, 50);
  const more = (xs: number[]) => (xs.length ? `${fmt(pct(xs, 50), 0)} / ${fmt(Math.max(...xs), 0)}` : '—');
  clientTable = [
    `| measure | ${ideas.toLocaleString('en-US')} ideas | 50 ideas (reference) |`,
    '| --- | ---: | ---: |',
    `| open the box, first 50 ideas drawn (ms) | ${fmt(big.openMs, 0)} | ${fmt(small.openMs, 0)} |`,
    `| vote, count updated from the relay (ms) | ${fmt(big.voteMs, 0)} | ${fmt(small.voteMs, 0)} |`,
    `| "Show more" ×${big.moreMs.length}, median / slowest (ms) | ${more(big.moreMs)} | ${more(small.moreMs)} |`,
    `| ideas drawn at the end | ${big.drawn} | ${small.drawn} |`,
    `| long tasks (> 50 ms) during all of it, count / longest (ms) | ${big.longTasks} / ${fmt(big.longestTaskMs, 0)} | ${small.longTasks} / ${fmt(small.longestTaskMs, 0)} |`,
  ].join('\n');
  console.log(clientTable);
}
await relay.stop();
await removeDataDir(relay.dataDir);
await rm(workDir, { recursive: true, force: true });

const section = `## Ideas

${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — \`npm run bench\` (bench/ideas/run.ts) — ${cpus().length} cores, Node ${process.versions.node}, load average ${load} at start

An idea box holding ${ideas.toLocaleString('en-US')} ideas and ${votes.toLocaleString('en-US')} votes by 200 people (a few ideas draw most
votes), in the real relay's store (\`server/main.ts\`, SQLite \`synchronous=FULL\`). Each operation is asked ${rounds} times in a row over
HTTP on loopback by a person of the organisation (bearer token, access checks, validation, JSON), after 10 warm-up calls,
in alternating blocks with the reference so that both meet the same load; the time is the client's round trip, so it bounds
the server's time from above. "CPU per call" is the processor time the relay (or, for the reference, this process) spent per
call, read from /proc at 10 ms resolution over each block: what the work costs, apart from waiting for a core on a
machine shared with other work (see the load average). Reference, same run: the same SQL the relay
runs (page and count; the vote transaction) through sqlite3 on a copy of the same store, without HTTP or the API layer;
for similar titles, the plain way of scanning every title and folding each one at every keystroke (the relay keeps a box's
folded titles between keystrokes). Lists are one page of 50; every order is served by an index of migration 500.

${table}

The built client in Chromium (headless) on the same relay, signed in as that person: opening the big box, voting on one idea,
then "Show more" ten times (50 ideas each); the reference is the same client on a box of 50 ideas.

${clientTable}
`;
const file = path.resolve(import.meta.dirname, '../RESULTS.md');
const current = await readFile(file, 'utf8').catch(() => '# Benchmark results\n');
const start = current.indexOf('## Ideas');
const after = start === -1 ? -1 : current.indexOf('\n## ', start + 1);
await writeFile(file, start === -1 ? `${current.trimEnd()}\n\n${section}` : `${current.slice(0, start)}${section}${after === -1 ? '' : current.slice(after + 1)}`);
console.log(`written to ${file}`);
process.exit(0);
