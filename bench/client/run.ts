/**
 * Client benchmark: opening an activity holding 1,000 SWOT items and 2,000 comments in
 * Chromium, against the same client opening an empty activity in the same run.
 * Time to interactive = from navigation start until the board shows every item, the
 * comments panel is drawn and the connection is live. Memory = JS heap after a GC.
 * Writes the "Client" section of bench/RESULTS.md.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { setUpOrganisation } from '../../test/support/api.ts';
import { startWebRelay, stopWebRelay } from '../../test/e2e/support/web-relay.ts';
import { fillActivity } from './fill.ts';

const root = path.resolve(import.meta.dirname, '../..');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const ITEMS = 1000;
const COMMENTS = 2000;

interface Sample {
  tti: number;
  heap: number;
}

async function open(browser: Browser, base: string, token: string, activityId: string, expect: { items: number; threads: number }, warm: boolean): Promise<Sample> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 } });
  await context.addInitScript((t) => window.localStorage.setItem('conclave.session', t), token);
  const page = await context.newPage();
  const url = `${base}/#/activities/${activityId}`;
  const ready = (want: { items: number; threads: number }) => {
    const board = document.querySelector<HTMLElement>('[data-testid=swot-board]');
    const comments = document.querySelector<HTMLElement>('[data-testid=comments]');
    const live = document.querySelector<HTMLElement>('[data-testid=connection]')?.dataset.state === 'live';
    const drawn = document.querySelectorAll('[data-testid=swot-item]').length;
    return board?.dataset.total === String(want.items) && drawn === want.items && comments?.dataset.threads === String(want.threads) && live
      ? performance.now()
      : false;
  };
  if (warm) {
    // The first visit fills this browser's local copy (IndexedDB); the measured one reuses it.
    await page.goto(url);
    await page.waitForFunction(ready, expect, { polling: 'raf', timeout: 60_000 });
    await page.goto('about:blank');
  }
  await page.goto(url);
  const tti = (await (await page.waitForFunction(ready, expect, { polling: 'raf', timeout: 60_000 })).jsonValue()) as number;
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await context.close();
  return { tti, heap: usedSize };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const fmt = (n: number, d = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });
const mb = (b: number) => fmt(b / 1024 / 1024, 1);

const loadAtStart = os.loadavg();

async function main() {
  console.log('building the client (npm run build:web)…');
  if (spawnSync('npm', ['run', '--silent', 'build:web'], { cwd: root, stdio: 'ignore' }).status !== 0) throw new Error('build failed');
  const relay = await startWebRelay();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const admin = await setUpOrganisation(relay.url);
    const me = await admin.ok<{ id: string; name: string }>('GET', '/api/me');
    const create = (title: string) => admin.ok<{ id: string }>('POST', '/api/activities', { title, question: 'How fast does a big activity open?' });
    const big = await create('Big');
    const empty = await create('Empty');
    console.log(`filling an activity with ${ITEMS} SWOT items and ${COMMENTS} comments…`);
    const filled = await fillActivity(admin, big.id, me, ITEMS, COMMENTS);
    const token = admin.token!;
    const cases = [
      { name: 'cold (from the relay)', warm: false },
      { name: 'warm (local copy + relay)', warm: true },
    ];
    const rows: string[] = [];
    for (const c of cases) {
      const bigS: Sample[] = [];
      const refS: Sample[] = [];
      for (let i = 0; i < runs; i++) {
        refS.push(await open(browser, relay.url, token, empty.id, { items: 0, threads: 0 }, c.warm));
        bigS.push(await open(browser, relay.url, token, big.id, { items: ITEMS, threads: filled.threads }, c.warm));
      }
      const [bt, rt] = [median(bigS.map((s) => s.tti)), median(refS.map((s) => s.tti))];
      const [bh, rh] = [median(bigS.map((s) => s.heap)), median(refS.map((s) => s.heap))];
      console.log(`${c.name}: time to interactive ${fmt(bt)} ms (empty ${fmt(rt)} ms), heap ${mb(bh)} MB (empty ${mb(rh)} MB)`);
      rows.push(`| ${c.name} | time to interactive, median (ms) | ${fmt(bt)} | ${fmt(rt)} | ${fmt(bt / rt, 2)}× |`);
      rows.push(`|  | JS heap after GC, median (MB) | ${mb(bh)} | ${mb(rh)} | ${fmt(bh / rh, 2)}× |`);
      rows.push(`|  | all runs, TTI (ms) | ${bigS.map((s) => fmt(s.tti)).join(', ')} | ${refS.map((s) => fmt(s.tti)).join(', ')} |  |`);
    }
    writeSection(rows, filled.bytes);
  } finally {
    await browser.close();
    await stopWebRelay(relay);
  }
}

function writeSection(rows: string[], bytes: number) {
  const file = path.join(root, 'bench', 'RESULTS.md');
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const section = `## Client

${when} UTC — \`npm run bench\` (bench/client/run.ts) — ${os.cpus().length} cores, Node ${process.versions.node}, Chromium headless, load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')} at start, ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at end (the machine is shared: absolute times follow its load, compare the ratios)

The built web client (\`dist/web\`) served by the real relay opens an activity holding
${fmt(ITEMS)} SWOT items and ${fmt(COMMENTS)} comments (1,000 threads with one reply each; the
document is ${fmt(bytes / 1024)} kB encoded). The reference is the same client, same relay,
same run, opening an empty activity. Time to interactive runs from navigation start until
every item is drawn on the board, the comments panel is drawn (latest 30 threads) and the
connection is live; memory is the page's JS heap after a forced GC. Cold: a fresh browser
profile, everything comes from the relay. Warm: the activity was opened before in that
profile, so its local copy (IndexedDB) loads first. ${runs} runs each, alternating.

| case | measure | 1,000 items + 2,000 comments | empty activity | ratio |
| --- | --- | ---: | ---: | ---: |
${rows.join('\n')}
`;
  let text = readFileSync(file, 'utf8');
  const start = text.indexOf('## Client\n');
  if (start >= 0) {
    const next = text.indexOf('\n## ', start + 1);
    text = text.slice(0, start) + section + (next >= 0 ? `\n${text.slice(next + 1)}` : '');
  } else text = `${text.trimEnd()}\n\n${section}`;
  writeFileSync(file, text);
  console.log('wrote the Client section of bench/RESULTS.md');
}

await main();
