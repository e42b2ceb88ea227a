#!/usr/bin/env node
// Runs every check: lint and types, unit and integration tests (Vitest), end-to-end
// tests (Playwright in Chromium). Ends with one line counted from the runners' reports:
//   tests: N passed, N failed[, N skipped]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, 'test-results');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const totals = { passed: 0, failed: 0, skipped: 0 };
let broken = false;

console.log('\n── lint and types');
if (run('npm', ['run', '--silent', 'lint']) !== 0) broken = true;

console.log('\n── unit and integration tests (Vitest)');
const vitestReport = path.join(reports, 'vitest.json');
const vitestStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
if (existsSync(vitestReport)) {
  const r = JSON.parse(readFileSync(vitestReport, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + r.numTodoTests;
  if (vitestStatus !== 0 && r.numFailedTests === 0) broken = true;
} else broken = true;

const e2eDir = path.join(root, 'test', 'e2e');
const hasSpecs = existsSync(e2eDir) && readdirSync(e2eDir, { recursive: true }).some((f) => String(f).endsWith('.spec.ts'));
if (hasSpecs) {
  console.log('\n── end-to-end tests (Playwright, Chromium)');
  if (run('npm', ['run', '--silent', 'build:web']) !== 0) broken = true;
  const pwReport = path.join(reports, 'playwright.json');
  const pwStatus = run('npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwReport });
  if (existsSync(pwReport)) {
    const s = JSON.parse(readFileSync(pwReport, 'utf8')).stats;
    totals.passed += s.expected + s.flaky;
    totals.failed += s.unexpected;
    totals.skipped += s.skipped;
    if (pwStatus !== 0 && s.unexpected === 0) broken = true;
  } else broken = true;
}

const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
if (broken) console.log('\nsome checks did not run to completion (see above)');
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(broken || totals.failed > 0 ? 1 : 0);
