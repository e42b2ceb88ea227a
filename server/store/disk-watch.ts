import { statfs } from 'node:fs/promises';
import type { Logger } from 'pino';
import { Pump } from '../pump.ts';

/**
 * Watches the free space of the data folder's disk (statfs) and says when it falls under
 * the threshold: edits and API writes are then refused (SPEC U8), so that SQLite, the
 * update log and the SMS queue never meet a full disk. A pump (pump.ts) looks every
 * `everyMs`.
 */
export class DiskWatch {
  private isLow = false;
  private readonly pump: Pump;
  freeBytes = Number.POSITIVE_INFINITY;

  constructor(
    private readonly dir: string,
    private readonly minFreeBytes: number,
    private readonly logger: Logger,
    everyMs = 5_000,
  ) {
    this.pump = new Pump('disk watch', { log: logger, now: () => new Date(), work: () => this.check(), everyMs });
  }

  get low(): boolean {
    return this.isLow;
  }

  /** Resolves once the first look is done, so no write is taken before the space is known. */
  start(): Promise<void> {
    return this.pump.start();
  }

  stop(): Promise<void> {
    return this.pump.stop();
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
