import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docx } from '../../support/office-fixture.ts';
import { preview } from './derived.ts';
import { download, storedFiles, upload } from './support.ts';
import { filesWorld, type FilesWorld } from './world.ts';

/**
 * Office documents previewed as PDF on a real relay (README "Files in activities"):
 * with the real LibreOffice when it is installed, and with stand-ins for `soffice` put on
 * the relay's PATH — one that hangs (killed at the time limit, no preview) and one that
 * writes garbage (refused, no preview). Each tests Conclave's own handling. No request
 * waits for LibreOffice: the first ask is answered 202 (preparing) while it works, and
 * the app asks again until it gets the PDF, or 404.
 */
const worlds: FilesWorld[] = [];
afterAll(async () => {
  for (const w of worlds) await w.stop();
});

/** A folder holding an executable `soffice` running `script`, to put first on the relay's PATH. */
async function standIn(script: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fileview-soffice-'));
  await writeFile(path.join(dir, 'soffice'), `#!/bin/sh\n${script}\n`);
  await chmod(path.join(dir, 'soffice'), 0o755);
  return dir;
}

/** Running, or stopped: not gone and not a zombie waiting for a parent to collect it (Linux /proc). */
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

const hasSoffice = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v soffice'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.runIf(hasSoffice)('with LibreOffice installed', () => {
  it('a Word document is previewed as a PDF, made once and kept beside it', async () => {
    const w = await filesWorld({ CONCLAVE_OFFICE_TIMEOUT_MS: '120000' });
    worlds.push(w);
    const { body } = await upload(w.fiona, w.activity, [{ bytes: docx('Offre du fournisseur'), name: 'offre.docx' }]);
    expect(body.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const first = await download(w.vera, `${body.id}/preview`);
    expect(first.status).toBe(202);
    expect(first.headers.get('retry-after')).toBe('2');
    expect(JSON.parse(first.bytes.toString())).toEqual({ status: 'preparing' });
    const got = await preview(w.vera, body.id!);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await storedFiles(w.relay.dataDir)).filter((f) => f.endsWith('.preview.pdf'))).toHaveLength(1);
    expect((await storedFiles(w.relay.dataDir)).filter((f) => f.startsWith('tmp/'))).toEqual([]);
    expect((await download(w.sam, `${body.id}/preview`)).status).toBe(404);
  }, 180_000);
});

describe('with stand-ins for soffice', () => {
  it('one that hangs is killed at the time limit, with what it started: no preview, nothing left, the relay goes on', async () => {
    const dir = await standIn(`sleep 600 & echo $! > "${'$'}{PIDS}/child"; echo $$ > "${'$'}{PIDS}/self"; wait`);
    const pids = await mkdtemp(path.join(tmpdir(), 'fileview-pids-'));
    const w = await filesWorld({ PATH: `${dir}:${process.env.PATH}`, PIDS: pids, CONCLAVE_OFFICE_TIMEOUT_MS: '2000' });
    worlds.push(w);
    const { body } = await upload(w.fiona, w.activity, [{ bytes: docx('Budget'), name: 'budget.docx' }]);
    // Answered while the stand-in still runs: nobody's request waits for it.
    const first = await download(w.bob, `${body.id}/preview`);
    expect(first.status).toBe(202);
    await expect.poll(() => readFile(path.join(pids, 'self'), 'utf8').then(Number, () => 0)).toBeGreaterThan(0);
    expect(alive(Number(await readFile(path.join(pids, 'self'), 'utf8')))).toBe(true);
    const got = await preview(w.bob, body.id!);
    expect(got.status).toBe(404);
    for (const who of ['self', 'child']) expect(alive(Number(await readFile(path.join(pids, who), 'utf8')))).toBe(false);
    const disk = await storedFiles(w.relay.dataDir);
    expect(disk.filter((f) => f.endsWith('.preview.failed'))).toHaveLength(1);
    expect(disk.filter((f) => f.endsWith('.preview.pdf') || f.startsWith('tmp/'))).toEqual([]);
    expect((await fetch(`${w.relay.url}/healthz`)).status).toBe(200);
    // Marked: not tried again.
    await rm(path.join(pids, 'self'));
    expect((await download(w.bob, `${body.id}/preview`)).status).toBe(404);
    await expect(readFile(path.join(pids, 'self'))).rejects.toThrow();
    await rm(dir, { recursive: true });
    await rm(pids, { recursive: true });
  }, 120_000);

  it('one that writes garbage instead of a PDF is refused: no preview kept', async () => {
    const dir = await standIn('for last; do :; done\nwhile [ $# -gt 1 ]; do [ "$1" = "--outdir" ] && out="$2"; shift; done\nprintf "<html><script>alert(1)</script>" > "$out/document.pdf"\nexit 0');
    const w = await filesWorld({ PATH: `${dir}:${process.env.PATH}` });
    worlds.push(w);
    const { body } = await upload(w.fiona, w.activity, [{ bytes: docx('Plan'), name: 'plan.docx' }]);
    const got = await preview(w.bob, body.id!);
    expect(got.status).toBe(404);
    expect(got.bytes.toString()).not.toContain('<script>');
    const disk = await storedFiles(w.relay.dataDir);
    expect(disk.filter((f) => f.endsWith('.preview.failed'))).toHaveLength(1);
    expect(disk.filter((f) => f.endsWith('.preview.pdf') || f.startsWith('tmp/'))).toEqual([]);
    // The file itself is still offered for download as it was.
    expect((await download(w.bob, body.id!)).status).toBe(200);
    await rm(dir, { recursive: true });
  }, 120_000);
});
