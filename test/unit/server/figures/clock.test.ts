import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockOf } from '../../../../server/clock.ts';
import { loadConfig } from '../../../../server/config.ts';

describe('the relay clock', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'conclave-clock-'));
    file = path.join(dir, 'now');
    await writeFile(file, '2026-03-29T00:59:00Z');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is the system clock without a fake clock file', () => {
    const before = Date.now();
    const now = clockOf(loadConfig({}).fakeClockFile)().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('refuses to start with a fake clock file outside NODE_ENV=test, so production can never run on one', () => {
    expect(() => loadConfig({ CONCLAVE_FAKE_CLOCK_FILE: file })).toThrow(/tests only/);
    expect(() => loadConfig({ CONCLAVE_FAKE_CLOCK_FILE: file, NODE_ENV: 'production' })).toThrow(/NODE_ENV=test/);
  });

  it('under NODE_ENV=test reads the file, runs on from it, and jumps when it is rewritten', async () => {
    const clock = clockOf(loadConfig({ CONCLAVE_FAKE_CLOCK_FILE: file, NODE_ENV: 'test' }).fakeClockFile);
    const first = clock().getTime();
    expect(first - Date.parse('2026-03-29T00:59:00Z')).toBeGreaterThanOrEqual(0);
    expect(first - Date.parse('2026-03-29T00:59:00Z')).toBeLessThan(60_000);
    await writeFile(file, '2026-10-25T01:30:00Z');
    await utimes(file, new Date(), new Date(Date.now() + 5_000)); // a distinct mtime, whatever the file system's resolution
    expect(clock().toISOString().slice(0, 16)).toBe('2026-10-25T01:30');
  });

  it('refuses the crash switch outside tests too', () => {
    expect(() => loadConfig({ CONCLAVE_FIGURES_CRASH_AT: 'after-claim' })).toThrow(/NODE_ENV=test/);
    expect(loadConfig({ CONCLAVE_FIGURES_CRASH_AT: 'after-claim', NODE_ENV: 'test' }).figures.crashAt).toBe('after-claim');
    expect(() => loadConfig({ CONCLAVE_FIGURES_TICK_MS: 'soon' })).toThrow(/CONCLAVE_FIGURES_TICK_MS/);
    expect(() => loadConfig({ CONCLAVE_IDEAS_CRASH_AT: 'after-answer' })).toThrow(/NODE_ENV=test/);
    expect(loadConfig({ CONCLAVE_IDEAS_CRASH_AT: 'after-answer', NODE_ENV: 'test' }).ideas.crashAfterAnswer).toBe(true);
    expect(() => loadConfig({ CONCLAVE_ERASURE_CRASH_AT: 'after-updates-batch' })).toThrow(/NODE_ENV=test/);
    expect(() => loadConfig({ CONCLAVE_ERASURE_CRASH_AT: 'later', NODE_ENV: 'test' })).toThrow(/CONCLAVE_ERASURE_CRASH_AT/);
    expect(loadConfig({ CONCLAVE_ERASURE_CRASH_AT: 'after-updates-batch', NODE_ENV: 'test' }).erasureCrashAt).toBe('after-updates-batch');
    expect(loadConfig({ CONCLAVE_NOTICES_TICK_MS: '100' }).noticesTickMs).toBe(100);
    expect(() => loadConfig({ CONCLAVE_NOTICES_TICK_MS: 'soon' })).toThrow(/CONCLAVE_NOTICES_TICK_MS/);
  });
});
