/**
 * Runs Electronegativity (Doyensec's checker of Electron misconfigurations) over the
 * desktop app's sources — main/ and renderer/ — and fails when any high-severity
 * finding remains. Part of `npm run lint`.
 *
 * Its CLI cannot fail by severity, so this calls its runner and judges the findings.
 * It works offline: the runner's two network fetches (translations, and Electron's
 * release list for the "available security fixes" check) are answered "offline" at
 * once, and that one check is left out — `npm audit` and Electron's own release
 * notes are the place for known Electron vulnerabilities.
 *
 *   node --import tsx scripts/electronegativity.ts [dir…]   (default: main renderer)
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
  severity: { name: string; value: number };
  confidence: { name: string; value: number };
  manualReview: boolean;
}

interface RunResult {
  issues: Issue[];
  errors: { file: string; message: string; tolerable: boolean }[];
}

type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<RunResult>;

export interface ScanReport {
  high: Issue[];
  other: Issue[];
  /** Files that could not be parsed (so were not checked). */
  unreadable: { file: string; message: string }[];
}

const offline = () => Promise.reject(new Error('offline by design'));
offline.head = offline;

function loadRunner(): Runner {
  const require = createRequire(path.join(root, 'package.json'));
  const runnerPath = require.resolve('@doyensec/electronegativity');
  const fromRunner = createRequire(runnerPath);
  // Answer the HTTP client before the runner loads it: no request leaves this machine.
  const gotPath = fromRunner.resolve('got');
  const stub = new (require('node:module') as { Module: new (id: string) => NodeJS.Module }).Module(gotPath);
  stub.exports = offline;
  stub.loaded = true;
  fromRunner.cache[gotPath] = stub;
  return fromRunner(runnerPath) as Runner;
}

/**
 * Scans copies of `dirs` (relative to `base`) together with package.json, so that
 * global checks (navigation limits, CSP, permission handler) see the whole app at once.
 */
export async function scan(dirs: readonly string[], base = root): Promise<ScanReport> {
  const work = mkdtempSync(path.join(tmpdir(), 'conclave-electronegativity-'));
  try {
    cpSync(path.join(root, 'package.json'), path.join(work, 'package.json'));
    for (const dir of dirs) {
      cpSync(path.join(base, dir), path.join(work, dir), {
        recursive: true,
        filter: (source) => !/[\\/](node_modules|dist|\.vite)([\\/]|$)/.test(path.relative(base, source)),
      });
    }
    const silenced = console.log;
    console.log = () => {};
    let result: RunResult;
    try {
      result = await loadRunner()(
        {
          input: work,
          customScan: [],
          excludeFromScan: ['availablesecurityfixesglobalcheck'],
          isRelative: true,
          isVerbose: true,
          parserPlugins: [],
        },
        false,
      );
    } finally {
      console.log = silenced;
    }
    const high = result.issues.filter((i) => i.severity.name === 'HIGH');
    const other = result.issues.filter((i) => i.severity.name !== 'HIGH');
    const unreadable = result.errors
      .filter((e) => !e.tolerable)
      .map((e) => ({ file: path.relative(work, e.file), message: e.message }));
    return { high, other, unreadable };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const describe = (i: Issue) =>
  `  ${i.severity.name.padEnd(13)} ${i.id} ${i.file}:${i.location.line} (${i.confidence.name.toLowerCase()})\n      ${i.description}`;

async function main(): Promise<void> {
  const dirs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['main', 'renderer'];
  const report = await scan(dirs);
  for (const issue of report.other) console.log(describe(issue));
  for (const issue of report.high) console.error(describe(issue));
  for (const { file, message } of report.unreadable) console.error(`  not checked: ${file} (${message})`);
  const verdict = `electronegativity over ${dirs.join(', ')}: ${report.high.length} high, ${report.other.length} lower`;
  if (report.high.length > 0 || report.unreadable.length > 0) {
    console.error(
      `${verdict}${report.unreadable.length ? `, ${report.unreadable.length} files not checked` : ''}: failed`,
    );
    process.exit(1);
  }
  console.log(`${verdict}: passed`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
