import type { Logger } from 'pino';

/**
 * Runs `work` when the next due time stored in the database arrives. The times live in
 * SQLite, not in the timer: after a restart `start()` reads the earliest one again, and
 * anything that fell due while the relay was down runs at once. So nothing scheduled
 * is lost with the process.
 */
export class DueTimer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** Timers wake at least this often, so a clock change is noticed (and setTimeout's range kept). */
  static readonly maxSleepMs = 60 * 60 * 1000;

  constructor(
    private readonly name: string,
    private readonly options: {
      log: Logger;
      now: () => Date;
      /** The earliest due time still pending (ISO), or null. */
      next: () => Promise<string | null>;
      /** Does whatever is due at `now`. */
      work: () => Promise<void>;
    },
  ) {}

  start(): Promise<void> {
    this.stopped = false;
    return this.fire();
  }

  /** Something due was added or moved: look again. */
  changed(): void {
    if (!this.stopped) void this.arm();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private fire(): Promise<void> {
    const run = (async () => {
      try {
        await this.options.work();
      } catch (err) {
        this.options.log.error({ err, timer: this.name }, 'scheduled work failed');
      }
    })();
    this.running = run;
    return run.then(() => this.arm());
  }

  private async arm(): Promise<void> {
    if (this.stopped) return;
    let next: string | null;
    try {
      next = await this.options.next();
    } catch (err) {
      this.options.log.error({ err, timer: this.name }, 'could not read the next due time');
      next = null;
    }
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const wait = next === null ? DueTimer.maxSleepMs : Math.max(0, Date.parse(next) - this.options.now().getTime());
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.fire();
    }, Math.min(wait, DueTimer.maxSleepMs) + (next === null ? 0 : 5));
    this.timer.unref();
  }
}
