/** A token bucket: `perSecond` sustained, up to `burst` at once. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  /** True when the bucket has refilled to its burst: it is then as good as a new one. */
  isFull(now: number): boolean {
    return this.tokens + ((now - this.last) / 1000) * this.perSecond >= this.burst;
  }

  /** Takes `cost` tokens (one by default); false, taking none, when there are not enough. */
  take(now: number, cost = 1): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** Gives back `cost` tokens taken for what was refused after all (never past the burst). */
  giveBack(cost = 1): void {
    this.tokens = Math.min(this.burst, this.tokens + cost);
  }
}

/**
 * One token bucket per person (`perMinute` sustained, as many at once): `take` is false
 * when the person is past it. Full buckets are forgotten once 10,000 people are held.
 */
export class PerPersonRate {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(readonly perMinute: number) {}

  take(userId: string, now: number): boolean {
    let bucket = this.buckets.get(userId);
    if (!bucket) {
      if (this.buckets.size >= 10_000) for (const [id, b] of this.buckets) if (b.isFull(now)) this.buckets.delete(id);
      bucket = new TokenBucket(this.perMinute / 60, this.perMinute, now);
      this.buckets.set(userId, bucket);
    }
    return bucket.take(now);
  }

  /** Gives back the token `userId` took for what was refused after all. */
  giveBack(userId: string): void {
    this.buckets.get(userId)?.giveBack();
  }
}
