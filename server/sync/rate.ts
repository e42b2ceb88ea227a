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
    this.refill(now);
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** Takes `cost` tokens spent elsewhere (another relay node), down to none at most. */
  drain(now: number, cost: number): void {
    this.refill(now);
    this.tokens = Math.max(0, this.tokens - cost);
  }

  private refill(now: number) {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }

  /** Gives back `cost` tokens taken for what was refused after all (never past the burst). */
  giveBack(cost = 1): void {
    this.tokens = Math.min(this.burst, this.tokens + cost);
  }
}

/** A token bucket that tells `taken` of each cost it pays (counted for the other relay nodes). */
export class CountedBucket extends TokenBucket {
  constructor(
    perSecond: number,
    burst: number,
    now: number,
    private readonly taken: (cost: number) => void,
  ) {
    super(perSecond, burst, now);
  }

  override take(now: number, cost = 1): boolean {
    if (!super.take(now, cost)) return false;
    this.taken(cost);
    return true;
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
