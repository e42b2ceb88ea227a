import { spawn } from 'node:child_process';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { officeExtension } from '#core/api/files';
import type { Context } from '../context.ts';
import type { BlobStore } from './blobs.ts';
import { keepDerived } from './derived.ts';
import { WorkQueue } from './work-queue.ts';

type Outcome = 'made' | 'failed' | 'absent';

/**
 * Conversions one person, and one organisation, may have under way (running or waiting):
 * one document can take LibreOffice the whole time limit, so nobody may hold the line
 * that every organisation's previews wait in.
 */
export const officeJobsPerPerson = 2;
export const officeJobsPerOrganisation = 4;

/**
 * Office documents turned into a PDF for preview by LibreOffice (`soffice --headless
 * --convert-to pdf`, found on PATH), never on the event loop: a child process per file,
 * one at a time (16 waiting at most, past it 503 busy; a share of them per person and per
 * organisation, past it 429), each with its own profile folder
 * in a scratch folder removed after, killed with its whole process group when it runs
 * past `CONCLAVE_OFFICE_TIMEOUT_MS`. What it writes is kept only if it is a PDF (`%PDF-`
 * at the start, `%%EOF` near the end) no larger than the largest file accepted; the PDF
 * is kept beside the original, once per content. A failure (time out, an exit in error,
 * no PDF or not a PDF) is marked and not tried again; without LibreOffice nothing is
 * marked (installing it later gives previews).
 */
export class OfficePreviews {
  private readonly queue = new WorkQueue<Outcome>({ running: 1, waiting: 16 });
  /** Until when LibreOffice is taken to be missing (looked for again after a minute). */
  private absentUntil = 0;

  constructor(private readonly ctx: Context, private readonly blobs: BlobStore) {}

  /**
   * The PDF when it is made; `preparing` while it is being made (started now if need be,
   * never waited for: the app asks again); null when there is none (not an Office
   * document, LibreOffice failed on it or is not installed). Busy (503) when the line is full.
   */
  async open(sha256: string, type: string, name: string, asker: { userId: string; orgId: string }): Promise<{ stream: Readable; size: number } | 'preparing' | null> {
    const extension = officeExtension(type, name);
    if (!extension || (await this.blobs.has(this.ctx.db, sha256, 'preview.failed'))) return null;
    if (await this.blobs.has(this.ctx.db, sha256, 'preview.pdf')) return this.blobs.read(sha256, 'preview.pdf');
    if (this.queue.has(sha256)) return 'preparing';
    if (Date.now() < this.absentUntil) return null;
    const shares = [
      { key: `person:${asker.userId}`, most: officeJobsPerPerson },
      { key: `organisation:${asker.orgId}`, most: officeJobsPerOrganisation },
    ];
    this.queue.begin(sha256, () => this.make(sha256, extension), shares).then(
      (outcome) => {
        if (outcome === 'absent') this.absentUntil = Date.now() + 60_000;
      },
      (err: unknown) => this.ctx.log.error({ content: sha256.slice(0, 12), err }, 'an Office preview failed'),
    );
    return 'preparing';
  }

  private async make(sha256: string, extension: string): Promise<Outcome> {
    if (await this.blobs.has(this.ctx.db, sha256, 'preview.pdf')) return 'made';
    const work = this.blobs.temp.path();
    const input = path.join(work, `document.${extension}`);
    const out = path.join(work, 'out');
    const pdf = path.join(out, 'document.pdf');
    try {
      await mkdir(out, { recursive: true, mode: 0o700 });
      // The content went meanwhile: nothing to make.
      if (!(await this.blobs.copyTo(sha256, input))) return 'failed';
      const ran = await this.run(['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=file://${path.join(work, 'profile')}`, '--convert-to', 'pdf', '--outdir', out, input], work);
      const outcome = ran === 'absent' ? 'absent' : ran === 'done' && (await this.isPdf(pdf)) ? 'made' : 'failed';
      if (outcome !== 'made') this.ctx.log.info({ content: sha256.slice(0, 12), ran }, 'no PDF preview for an Office file');
      if (outcome === 'absent') return outcome;
      if (outcome === 'made') await this.blobs.stage(pdf);
      await this.ctx.db.transaction(async (tx) => {
        if (outcome === 'made') await keepDerived(tx, this.blobs, pdf, sha256, 'preview.pdf');
        else if (await tx.get('SELECT 1 FROM file_blobs WHERE sha256 = ?', [sha256])) await this.blobs.writeMark(tx, sha256, 'preview.failed');
      });
      return outcome;
    } finally {
      await this.blobs.discard(pdf);
      await rm(work, { recursive: true, force: true });
    }
  }

  /** Runs soffice in its own process group; kills the group at the time limit. */
  private run(args: string[], work: string): Promise<'done' | 'error' | 'timeout' | 'absent'> {
    return new Promise((resolve) => {
      const child = spawn('soffice', args, { cwd: work, detached: true, stdio: 'ignore', env: { ...process.env, HOME: work } });
      const timer = setTimeout(() => {
        kill(child.pid);
        resolve('timeout');
      }, this.ctx.config.files.officeTimeoutMs);
      child.once('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        resolve(err.code === 'ENOENT' ? 'absent' : 'error');
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        // Whatever it left running (LibreOffice starts a second process) goes too.
        kill(child.pid);
        resolve(code === 0 ? 'done' : 'error');
      });
    });
  }

  private async isPdf(file: string): Promise<boolean> {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || info.size < 16 || info.size > this.ctx.config.files.maxFileBytes) return false;
    const handle = await open(file);
    try {
      const head = Buffer.alloc(5);
      await handle.read(head, 0, 5, 0);
      const tail = Buffer.alloc(Math.min(1024, info.size));
      await handle.read(tail, 0, tail.length, info.size - tail.length);
      return head.toString('latin1') === '%PDF-' && tail.toString('latin1').includes('%%EOF');
    } finally {
      await handle.close();
    }
  }
}

function kill(pid: number | undefined) {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

