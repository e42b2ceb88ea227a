import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HistoryFigures, LoadFigures, LoadSpec, MemoryFigures } from './scenarios.ts';
import { median } from './scenarios.ts';

export interface RelayResults {
  date: string;
  command: string;
  machine: string;
  settings: string;
  /** figures: Conclave as shipped, Conclave with synchronous=NORMAL, the reference. */
  scenarios: { spec: LoadSpec; figures: LoadFigures[] }[];
  memory: { ours: MemoryFigures; reference: MemoryFigures };
  history: { ours: HistoryFigures; reference: HistoryFigures };
  aims: string[];
}

const ms = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : '—');
const int = (v: number) => Math.round(v).toLocaleString('en-US');
const mb = (v: number) => (v / 1024 / 1024).toFixed(1);
const kb = (v: number) => (v / 1024).toFixed(1);
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '—');
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

export function scenarioName(spec: LoadSpec) {
  return `${int(spec.clients)} clients / ${int(spec.rooms)} rooms, ${int(spec.updatesPerSecond)} updates/s`;
}

function loadTable(r: RelayResults): string[] {
  const lines = [
    row(['scenario', 'measure', 'Conclave', 'Conclave, sync NORMAL', 'reference', 'Conclave / ref.', 'NORMAL / ref.']),
    row(['---', '---', '---:', '---:', '---:', '---:', '---:']),
  ];
  for (const { spec, figures } of r.scenarios) {
    const [ours, normal, ref] = figures as [LoadFigures, LoadFigures, LoadFigures];
    const line = (measure: string, value: (f: LoadFigures) => string, n?: (f: LoadFigures) => number) =>
      row([
        measure === 'p50 edit-to-peer (ms)' ? scenarioName(spec) : '',
        measure,
        value(ours),
        value(normal),
        value(ref),
        n ? ratio(n(ours), n(ref)) : '',
        n ? ratio(n(normal), n(ref)) : '',
      ]);
    const persisted = (f: LoadFigures) =>
      f.persistedPerSecond === null ? '0 (memory only)' : `${int(f.persistedPerSecond)}${f.persistedAll ? ' (all)' : ' (NOT all)'}`;
    lines.push(line('p50 edit-to-peer (ms)', (f) => ms(f.p50), (f) => f.p50));
    lines.push(line('p99 edit-to-peer (ms)', (f) => ms(f.p99), (f) => f.p99));
    lines.push(line('max (ms)', (f) => ms(f.max), (f) => f.max));
    lines.push(line('deliveries received / expected', (f) => `${int(f.delivered)} / ${int(f.expected)}`));
    lines.push(line('updates sent/s (offered)', (f) => int(f.sentPerSecond)));
    lines.push(line('updates persisted/s', persisted));
    lines.push(line('server CPU per update (ms, all threads)', (f) => f.cpuMsPerUpdate.toFixed(3), (f) => f.cpuMsPerUpdate));
    lines.push(line('server RSS at end (MB)', (f) => mb(f.rssBytes), (f) => f.rssBytes));
    lines.push(
      row([
        '',
        `load process: ${ours.loadCpuPercent.toFixed(0)}% of a core, event-loop delay p99 ${ms(ours.loadLoopDelayP99)} ms, longest GC pause ${ms(ours.loadGcMaxMs)} ms`,
        '',
        '',
        '',
        '',
        '',
      ]),
    );
  }
  return lines;
}

function memoryTable(r: RelayResults): string[] {
  const { ours, reference } = r.memory;
  const line = (measure: string, value: (m: MemoryFigures) => number, unit: (v: number) => string, compare = true) =>
    row([measure, unit(value(ours)), unit(value(reference)), compare ? ratio(value(ours), value(reference)) : '']);
  return [
    row(['measure', 'Conclave', 'reference', 'Conclave / reference']),
    row(['---', '---:', '---:', '---:']),
    line('RSS before (MB)', (m) => m.baselineBytes, mb, false),
    line(`RSS with ${int(ours.documents)} rooms open, one client each, documents empty (MB)`, (m) => m.connectedBytes, mb, false),
    line(`RSS once each document holds the sample board (MB)`, (m) => m.loadedBytes, mb, false),
    line('**per loaded document** (kB)', (m) => m.perDocumentBytes, kb),
    line('  of which the room and its connection (kB)', (m) => m.perConnectionBytes, kb),
    line('  of which the board content (kB)', (m) => m.perBoardBytes, kb),
  ];
}

function historyTable(r: RelayResults): string[] {
  const { ours, reference } = r.history;
  const lines = [
    row(['measure', 'Conclave', 'reference']),
    row(['---', '---:', '---:']),
    row(['updates in the history (bytes)', `${int(ours.updates)} (${int(ours.bytes)})`, `${int(reference.updates)} (${int(reference.bytes)})`]),
    row(['one writer, saturating: updates/s confirmed to a peer', int(ours.buildPerSecond), int(reference.buildPerSecond)]),
    row(['rows the build added to the update log', ours.logged === null ? '—' : int(ours.logged), '— (memory only)']),
    row(['log rows not yet folded into a snapshot after the build', ours.unsnapshotted === null ? '—' : int(ours.unsnapshotted), '']),
  ];
  for (const load of ours.loads) {
    lines.push(row([`Conclave: ${load.label}, median ms (samples)`, `${ms(median(load.ms))} (${load.ms.map(ms).join(', ')})`, '']));
  }
  for (const load of reference.loads) {
    lines.push(row([`reference: ${load.label}, median ms (samples)`, '', `${ms(median(load.ms))} (${load.ms.map(ms).join(', ')})`]));
  }
  return lines;
}

export function relaySection(r: RelayResults): string {
  return [
    '## Relay',
    '',
    `${r.date} — \`${r.command}\` — ${r.machine}`,
    '',
    r.settings,
    '',
    '### Many clients editing at once',
    '',
    ...loadTable(r),
    '',
    '### Memory per loaded document',
    '',
    ...memoryTable(r),
    '',
    '### A document with 100,000 updates in its history',
    '',
    ...historyTable(r),
    '',
    '### Aims',
    '',
    ...r.aims.map((a) => `- ${a}`),
    '',
  ].join('\n');
}

const header = `# Benchmark results

Figures from \`npm run bench\` (each section names the command that produced it). Machine:
2 cores shared with other work, Node 20, Linux; loopback only. Every figure is printed
side by side with a reference measured in the same run on the same load. Absolute
numbers move with the machine's other load; the ratios are what to compare.
`;

/** Writes the Relay section into bench/RESULTS.md, keeping every other section. */
export function recordRelaySection(section: string) {
  return recordSection('Relay', section);
}

/** Writes `section` (starting `## <heading>`) into bench/RESULTS.md in place of the one there, keeping every other section. */
export async function recordSection(heading: string, section: string) {
  const file = path.resolve(import.meta.dirname, '..', 'RESULTS.md');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    text = header;
  }
  const start = text.search(new RegExp(`^## ${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'm'));
  if (start === -1) {
    text = `${text.trimEnd()}\n\n${section}`;
  } else {
    const rest = text.slice(start + 1);
    const next = rest.search(/^## /m);
    const end = next === -1 ? text.length : start + 1 + next;
    text = `${text.slice(0, start)}${section}${next === -1 ? '' : `\n${text.slice(end)}`}`;
  }
  await writeFile(file, `${text.trimEnd()}\n`);
  return file;
}
