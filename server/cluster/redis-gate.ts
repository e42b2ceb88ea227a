import type { Logger } from 'pino';

/**
 * How a node asks the Redis the relay's nodes share for a count that must hold over all of
 * them (a rate window, a sign-in attempt): while Redis answers, everyone asks; once it did
 * not, one caller at a time asks again and the others are told at once that it was not
 * asked (`skipped`), so that each is judged on the node's own counts rather than held for
 * the command timeout by a Redis that hangs. The first failure is logged, not each.
 */
export class RedisGate {
  private failing = false;
  private asking = false;

  constructor(
    private readonly log: Logger,
    /** What the log says when Redis stops answering. */
    private readonly failure: string,
  ) {}

  /** `work`'s answer; `skipped` when another caller is asking a failing Redis; `failed` when it threw. */
  async ask<T>(work: () => Promise<T>): Promise<{ answer: T } | 'skipped' | 'failed'> {
    const probe = this.failing;
    if (probe) {
      if (this.asking) return 'skipped';
      this.asking = true;
    }
    try {
      const answer = await work();
      this.failing = false;
      return { answer };
    } catch (err) {
      this.failed(err);
      return 'failed';
    } finally {
      if (probe) this.asking = false;
    }
  }

  /** Redis did not answer something asked outside `ask` (settling what it admitted). */
  failed(err: unknown) {
    if (!this.failing) this.log.warn({ err }, this.failure);
    this.failing = true;
  }
}
