import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../../scripts/electronegativity.ts';

let base: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'conclave-eng-'));
  await mkdir(path.join(base, 'insecure'));
  await writeFile(
    path.join(base, 'insecure', 'main.ts'),
    `import { BrowserWindow } from 'electron';
export const window = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });
`,
  );
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('electronegativity over the desktop app', () => {
  it('finds high-severity problems in an insecure app (the check can fail)', async () => {
    const report = await scan(['insecure'], base);
    const ids = report.high.map((i) => i.id);
    expect(ids).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(ids).toContain('LIMIT_NAVIGATION_GLOBAL_CHECK');
  });

  it('finds no high-severity problem in main/ and renderer/', async () => {
    const report = await scan(['main', 'renderer']);
    expect(report.unreadable).toEqual([]);
    expect(report.high.map((i) => `${i.id} ${i.file}:${i.location.line}`)).toEqual([]);
  });
});
