import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Store } from '../store/db.ts';
import { pruneLeases, releaseLease, settleSlot, takeLease } from './leases.ts';

/** What a claim needs of the node making it: its id, and whether its lease surely still lives. */
export interface ClaimOwner {
  readonly id: string;
  holds(): boolean;
}

/**
 * This relay process as one node among several on one store (issue 19). It holds a lease
 * named after its id, renewed every third of its length: while the lease lives, the
 * claims the node made (SMS and e-mails being sent) are its own; once it lapses — the
 * node died, or stalled that long — any other node takes them back. A node that cannot
 * vouch for its own lease (`holds()` false: its last renewal is too old) hands nothing
 * more to a provider, since another node may be taking its claims back meanwhile.
 *
 * Leases are measured on the wall clock, not the relay's clock (which tests drive):
 * they are about processes being alive, not about business time.
 */
export class RelayNode implements ClaimOwner {
  /** Unique per process: a restarted relay is a new node, and its predecessor's claims lapse with its lease. */
  readonly id = `${hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`;
  private renewedAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private renewing: Promise<void> | null = null;

  constructor(
    private readonly db: Store,
    /** How long a lease lasts without renewal (CONCLAVE_NODE_LEASE_MS). */
    readonly leaseMs: number,
    private readonly log: Logger,
  ) {}

  get leaseName() {
    return `node:${this.id}`;
  }

  async start() {
    await this.renew();
    await pruneLeases(this.db, Date.now());
    this.timer = setInterval(() => void this.renew(), Math.max(50, Math.floor(this.leaseMs / 3)));
    this.timer.unref();
  }

  /**
   * This node listens at `address` (http://host:port): the relay that listened there on this
   * machine before — this one before a restart — is gone, and its claims are taken back now.
   */
  async listening(address: string) {
    const ended = await settleSlot(this.db, this.leaseName, this.id, `${hostname()}|${address}`);
    if (ended > 0) this.log.info({ node: this.id }, 'the relay that listened here before is gone: its claims are taken back');
  }

  /** Whether this node's lease is surely still live: renewed less than 4/5 of a lease ago. */
  holds(): boolean {
    return Date.now() < this.renewedAt + (this.leaseMs * 4) / 5;
  }

  /** Stops renewing and gives the lease up, so that other nodes take back what is left at once. */
  async stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.renewing;
    await releaseLease(this.db, this.leaseName, this.id).catch((err: unknown) => this.log.warn({ err }, 'could not give up the node lease'));
    this.renewedAt = 0;
  }

  private renew(): Promise<void> {
    this.renewing ??= (async () => {
      const asked = Date.now();
      try {
        const token = await takeLease(this.db, this.leaseName, this.id, this.leaseMs, asked);
        if (token !== null) this.renewedAt = asked;
        else this.log.error({ node: this.id }, 'another node holds this node’s lease');
      } catch (err) {
        this.log.warn({ err, node: this.id }, 'could not renew the node lease');
      } finally {
        this.renewing = null;
      }
    })();
    return this.renewing;
  }
}
