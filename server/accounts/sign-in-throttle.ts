import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { RedisGate } from '../cluster/redis-gate.ts';

/**
 * How often someone may try a password, judged before any hash is computed.
 *
 * Three counters of failed attempts, each forgotten after `windowMs` without one:
 * - per account and address: a few free tries, then a delay doubling with each further
 *   failure (1 s, 2 s, 4 s… up to 15 minutes): a guesser at one address slows down fast;
 * - per address, over every account: the same, with more free tries (password spraying);
 * - per account, over every address: a delay too, but a short one (at most 10 s). It is
 *   never a lock: whoever floods an account can slow its owner down by seconds, never
 *   keep them out, and the owner at an address with no failures is not held by the first two.
 * An attempt counts as a failure from the moment it is admitted, and past the free tries
 * only one attempt at a time is being checked (so a burst of concurrent guesses is held
 * before any has been checked); the delay runs from its verdict. A success takes the
 * attempt back and clears its account-and-address counter. Refused attempts change nothing, so
 * hammering does not lengthen anyone's delay. The counters are bounded in number.
 *
 * With several relay nodes, each failure is told to the others (`onFailure`), which count it
 * as their own (`failedElsewhere`): behind a balancer a guesser meets every node in turn.
 * And with their Redis (`shareThrough`), `admitEverywhere` judges each attempt on the
 * counters every node shares too, atomically, so that guesses sent to every node at once
 * cannot each pass before the others' failures arrive (CLUSTER.md N12).
 */
export interface ThrottleRule {
  free: number;
  baseMs: number;
  maxMs: number;
}

export interface ThrottleLimits {
  pair: ThrottleRule;
  address: ThrottleRule;
  account: ThrottleRule;
  windowMs: number;
  maxCounters: number;
}

export const defaultLimits: ThrottleLimits = {
  pair: { free: 10, baseMs: 1000, maxMs: 15 * 60_000 },
  address: { free: 30, baseMs: 1000, maxMs: 60 * 60_000 },
  account: { free: 20, baseMs: 1000, maxMs: 10_000 },
  windowMs: 60 * 60_000,
  maxCounters: 100_000,
};

interface Counter {
  /** Failed attempts in the window, counting those still being checked. */
  failures: number;
  inFlight: number;
  blockedUntil: number;
  lastAt: number;
}

/** The wait after the `failures`-th failure: base, doubling with each one past the free tries, capped. */
function delayOf(rule: ThrottleRule, failures: number): number {
  if (failures <= rule.free) return 0;
  return Math.min(rule.maxMs, rule.baseMs * 2 ** Math.min(30, failures - rule.free - 1));
}

export type Admission = { ok: true; attempt: Attempt } | { ok: false; retryAfterSeconds: number };

/** An attempt admitted here and, with several nodes, in the counters they share: its verdict is told to both. */
export interface SharedAttempt {
  succeeded(): Promise<void>;
  failed(): Promise<void>;
  abandoned(): Promise<void>;
}

/** The counters every node shares (server/cluster/redis-sign-ins.ts), judged as `admit` judges. */
export interface SharedGuesses {
  admit(account: string, address: string, id: string, rules: readonly ThrottleRule[], windowMs: number): Promise<number>;
  settle(account: string, address: string, id: string, rules: readonly ThrottleRule[], outcome: 'failed' | 'succeeded' | 'abandoned'): Promise<void>;
}

export interface Attempt {
  succeeded(): void;
  failed(): void;
  /** Neither: the attempt ended before its password was judged. */
  abandoned(): void;
}

export class SignInThrottle {
  private readonly counters = new Map<string, Counter>();
  private readonly failureListeners: ((account: string, address: string) => void)[] = [];
  private shared: { guesses: SharedGuesses; gate: RedisGate } | null = null;

  constructor(
    private readonly now: () => number,
    private readonly limits: ThrottleLimits = defaultLimits,
  ) {}

  /** Tells `listener` of each failure judged here (for the other nodes). */
  onFailure(listener: (account: string, address: string) => void) {
    this.failureListeners.push(listener);
  }

  /** Where the relay's nodes share their counters (their Redis). */
  shareThrough(guesses: SharedGuesses, log: Logger) {
    this.shared = { guesses, gate: new RedisGate(log, 'sign-in attempts could not be counted across relay nodes; this node’s throttle holds') };
  }

  /**
   * Admits an attempt here (at once: attempts racing here cannot all pass, and these counters
   * hold alone while Redis does not answer), then with several nodes in the counters they
   * share; refused there, the attempt here is taken back and the wait is theirs.
   */
  async admitEverywhere(account: string, address: string): Promise<{ ok: true; attempt: SharedAttempt } | { ok: false; retryAfterSeconds: number }> {
    const here = this.admit(account, address);
    if (!here.ok) return here;
    const shared = this.shared;
    const id = randomUUID();
    const rules = [this.limits.pair, this.limits.address, this.limits.account];
    // -1: not known to be counted across nodes (one node, or Redis did not answer: it may
    // still have admitted it, the answer lost); 0: admitted there too.
    let wait = -1;
    // While Redis does not answer, one attempt at a time asks it again; the others are judged
    // here alone at once, not each held for the command timeout by a Redis that hangs.
    const asked = shared ? await shared.gate.ask(() => shared.guesses.admit(account, address, id, rules, this.limits.windowMs)) : 'skipped';
    const asks = asked !== 'skipped';
    if (typeof asked === 'object') wait = asked.answer;
    if (wait > 0) {
      here.attempt.abandoned();
      return { ok: false, retryAfterSeconds: wait };
    }
    const settled = (outcome: 'failed' | 'succeeded' | 'abandoned') => async () => {
      here.attempt[outcome]();
      if (!shared || !asks) return;
      const settling = shared.guesses.settle(account, address, id, rules, outcome).catch((err: unknown) => shared.gate.failed(err));
      // Settled there too when Redis did not answer the admission (one it ran after all is not
      // left in flight, holding the next attempts and counting as a failure), without waiting:
      // a Redis that is slow holds the answer once, not twice.
      if (wait === 0) await settling;
    };
    return { ok: true, attempt: { succeeded: settled('succeeded'), failed: settled('failed'), abandoned: settled('abandoned') } };
  }

  /** A failure judged on another node: counted as if judged here (it holds no attempt in flight). */
  failedElsewhere(account: string, address: string) {
    const at = this.now();
    const { rules, keys } = this.countersOf(account, address);
    keys.forEach((key, i) => {
      const c = this.counter(key, at);
      c.failures++;
      c.lastAt = at;
      if (c.failures > rules[i]!.free) c.blockedUntil = Math.max(c.blockedUntil, at + delayOf(rules[i]!, c.failures));
    });
  }

  private countersOf(account: string, address: string) {
    return {
      rules: [this.limits.pair, this.limits.address, this.limits.account],
      keys: [`p ${account} ${address}`, `a ${address}`, `u ${account}`],
    };
  }

  admit(account: string, address: string): Admission {
    const at = this.now();
    const { rules, keys } = this.countersOf(account, address);
    const counters = keys.map((key) => this.counter(key, at));
    const waitMs = Math.max(
      ...counters.map((c, i) => {
        const rule = rules[i]!;
        // Past the free tries, one attempt at a time: the next waits for its verdict.
        const queued = c.failures >= rule.free && c.inFlight > 0 ? delayOf(rule, c.failures + 1) : 0;
        return Math.max(c.blockedUntil - at, queued);
      }),
    );
    if (waitMs > 0) return { ok: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
    for (const c of counters) {
      c.failures++;
      c.inFlight++;
      c.lastAt = at;
    }
    let settled = false;
    const settle = (outcome: 'failed' | 'succeeded' | 'abandoned') => {
      if (settled) return;
      settled = true;
      const now = this.now();
      counters.forEach((c, i) => {
        c.inFlight--;
        if (outcome !== 'failed') c.failures = Math.max(0, c.failures - 1);
        else if (c.failures > rules[i]!.free) c.blockedUntil = Math.max(c.blockedUntil, now + delayOf(rules[i]!, c.failures));
      });
      if (outcome === 'failed') for (const listener of this.failureListeners) listener(account, address);
      if (outcome === 'succeeded') {
        this.counters.delete(keys[0]!);
        // The owner got in: their account is not held for the failures before.
        counters[2]!.blockedUntil = 0;
      }
    };
    return {
      ok: true,
      attempt: { succeeded: () => settle('succeeded'), failed: () => settle('failed'), abandoned: () => settle('abandoned') },
    };
  }

  /** The counter for `key`, fresh when it was forgotten; the oldest one goes when there are too many. */
  private counter(key: string, at: number): Counter {
    let c = this.counters.get(key);
    if (c && c.inFlight === 0 && at - c.lastAt > this.limits.windowMs && at >= c.blockedUntil) c = undefined;
    this.counters.delete(key);
    c ??= { failures: 0, inFlight: 0, blockedUntil: 0, lastAt: at };
    this.counters.set(key, c);
    if (this.counters.size > this.limits.maxCounters) {
      const oldest = this.counters.keys().next().value;
      if (oldest !== undefined) this.counters.delete(oldest);
    }
    return c;
  }
}

/** The address a request comes from, as a throttling key: IPv4 as is, IPv6 by its /64. */
export function addressKey(remote: string | undefined): string {
  if (!remote) return 'unknown';
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(remote);
  if (v4?.[1]) return v4[1];
  const groups = expandIpv6(remote);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : remote;
}

function expandIpv6(address: string): string[] | null {
  const [head = '', tail, extra] = address.split('::');
  if (extra !== undefined) return null;
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  const all = [...left, ...fill, ...right];
  return all.length === 8 ? all.map((g) => g.toLowerCase()) : null;
}
