import { statfs } from 'node:fs/promises';
import type { Logger } from 'pino';

/**
 * Watches the free space of the data folder's disk (statfs) and says when it falls under
 * the threshold: edits and API writes are then refused (SPEC U8), so that SQLite, the
 * update log and the SMS queue never meet a full disk.
 */
export class DiskWatch {
  private isLow = false;
  private timer: NodeJS.Timeout | null = null;
  freeBytes = Number.POSITIVE_INFINITY;

  constructor(
    private readonly dir: string,
    private readonly minFreeBytes: number,
    private readonly logger: Logger,
    private readonly everyMs = 5_000,
  ) {}

  get low(): boolean {
    return this.isLow;
  }

  async start() {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.everyMs);
    this.timer.unref();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async check() {
    try {
      const stats = await statfs(this.dir);
      this.freeBytes = stats.bavail * stats.bsize;
    } catch (err) {
      this.logger.warn({ err }, 'could not read the free space of the data folder');
      return;
    }
    const low = this.freeBytes < this.minFreeBytes;
    if (low !== this.isLow) {
      if (low) this.logger.error({ freeBytes: this.freeBytes, minFreeBytes: this.minFreeBytes }, 'disk nearly full: refusing writes');
      else this.logger.warn({ freeBytes: this.freeBytes }, 'disk space back: taking writes again');
    }
    this.isLow = low;
  }
}
