import { composeSms } from '#core/sms/compose';
import type { Logger } from 'pino';
import type { SmsConfig } from '../config.ts';
import { Pump } from '../pump.ts';
import { GroupCommit } from '../store/group-commit.ts';
import type { Database } from '../store/db.ts';
import { dialectOf } from '../store/dialect.ts';
import type { ClaimOwner } from '../nodes/relay-node.ts';
import type { BatchWriter } from './batch-writer.ts';
import type { SmsStatusChange } from './gateway.ts';
import type { MessageRow } from './messages.ts';
import { dropStaleEarlyReceipts } from './early-receipts.ts';
import { claim, expire, requeue, type AcceptedSubmit } from './lifecycle.ts';
import { takeBackLapsedClaims } from './takeback.ts';
import { acceptPart, recordAccepted, recordOutcome } from './outcomes.ts';
import type { SubmitOutcome } from './providers/provider.ts';
import type { Lane, ProviderPool } from './provider-pool.ts';

/**
 * Hands due messages to the provider, as many as it has room for, and records what
 * comes back. Each message is marked `sending` and that mark is committed BEFORE the
 * provider is called: after a crash a `sending` message may or may not have gone, so
 * it is never sent blindly again — it waits for a receipt (which confirms it), and only
 * when none comes within the grace period is it queued again. A long message goes part
 * by part: each accepted part is committed before the next goes, and a retry sends only
 * the parts not accepted yet (see parts.ts).
 */
export class SmsWorker {
  private stopped = true;
  /** Looks for due messages when woken (an enqueue, a receipt, a freed window), and every second. */
  private readonly pumper: Pump;
  private readonly inFlight = new Set<Promise<void>>();
  private lastSweep = 0;
  /** Long messages claimed whose parts still to send are being looked up, per lane. */
  private readonly preparing = new Map<string, number>();

  constructor(
    private readonly deps: {
      db: Database;
      /** This node: its claims hang on its lease (nodes/relay-node.ts). */
      node: ClaimOwner;
      writer: BatchWriter;
      pool: ProviderPool;
      config: SmsConfig;
      log: Logger;
      now: () => Date;
      announce: (changes: (SmsStatusChange | null)[]) => void;
    },
  ) {
    this.pumper = new Pump('sms worker', { log: deps.log, now: deps.now, work: () => this.pump(), everyMs: 1000 });
  }

  async start() {
    // Whatever a stopped or dead node (this relay before its restart among them) was sending is in doubt: wait for news first.
    await this.takeBack();
    this.stopped = false;
    void this.pumper.start();
  }

  /** Takes back the claims of nodes whose lease lapsed (takeback.ts); any node may, at any time. */
  private async takeBack() {
    const at = this.deps.now().toISOString();
    const taken = await this.deps.writer.write((tx) => takeBackLapsedClaims(tx, Date.now(), at));
    if (taken > 0) this.deps.log.warn({ taken }, 'took back SMS claims of a node that stopped; they wait for a receipt');
  }

  async stop() {
    this.stopped = true;
    await this.pumper.stop();
    // Answers still awaited get a few seconds; after that the provider is closed and
    // whatever is left is in doubt, which the next start knows how to resolve.
    await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((r) => setTimeout(r, 5000).unref())]);
    await this.deps.writer.flush();
  }

  /** Look for work now (after an enqueue, a receipt, a freed window). */
  wake() {
    this.pumper.wake();
  }

  private async pump() {
    if (Date.now() - this.lastSweep >= 1000) {
      this.lastSweep = Date.now();
      await this.sweep();
    }
    // A node unsure of its own lease claims nothing: another node may be taking its claims back.
    if (!this.deps.node.holds()) return;
    // Each lane (the relay's account, each organisation's own) is claimed for as it has room.
    for (let busy = true; busy; ) {
      busy = false;
      for (const lane of this.deps.pool.all()) {
        if (this.stopped) return;
        const room = lane.provider.capacity() - (this.preparing.get(lane.key) ?? 0);
        if (room <= 0) continue;
        const claimed = await this.claim(room, lane);
        for (const row of claimed) this.send(row, lane);
        busy ||= claimed.length > 0;
      }
    }
  }

  private send(row: MessageRow, lane: Lane) {
    const job = this.submit(row, lane)
      .then((change) => {
        this.deps.announce([change]);
        if (change?.status === 'queued') this.wakeLater(200);
      })
      .catch((err: unknown) => this.deps.log.error({ err, messageId: row.id }, 'could not record an SMS outcome'))
      .finally(() => {
        this.inFlight.delete(job);
        this.wake();
      });
    this.inFlight.add(job);
  }

  /** Hands one message (its parts not yet accepted) to the provider and records the answer. */
  private async submit(row: MessageRow, lane: Lane): Promise<SmsStatusChange | null> {
    const { config, pool } = this.deps;
    const { provider } = lane;
    const composed = composeSms(row.text);
    let parts: number[] | undefined;
    let result: SubmitOutcome;
    try {
      if (composed.parts.length > 1) {
        // Counted against the provider's room until it has the message (same tick).
        this.preparing.set(lane.key, (this.preparing.get(lane.key) ?? 0) + 1);
        try {
          parts = await this.partsToSend(row.id, composed.parts.length);
        } finally {
          this.preparing.set(lane.key, (this.preparing.get(lane.key) ?? 1) - 1);
        }
      }
      const partAccepted = (part: number, providerId: string) => this.recordPart(row.id, part, composed.parts.length, providerId, provider.name);
      const from = pool.senderOf(row.org_id);
      // The last moment before the message leaves: a node whose lease may have lapsed puts it back unsent.
      if (!this.deps.node.holds()) {
        return await this.deps.writer.write((tx) => requeue(tx, row, this.deps.now(), 0, 'not sent: the node lost its lease before sending', false));
      }
      result =
        parts?.length === 0
          ? { outcome: 'accepted', providerIds: [] }
          : await provider.submit({
              id: row.id,
              ref: row.seq & 0xffff,
              to: row.to_phone,
              composed,
              ...(from ? { from } : {}),
              ...(parts ? { parts, partAccepted } : {}),
            });
    } catch (err) {
      result = { outcome: 'transient', detail: String(err) };
    }
    if (result.outcome === 'accepted') {
      await this.acceptedBy(provider.name).add({ row, providerIds: result.providerIds, parts });
      return null;
    }
    const options = { provider: provider.name, maxAttempts: config.maxAttempts, retryBaseMs: config.retryBaseMs, throttleDelayMs: 200 };
    return this.deps.writer.write((tx) => recordOutcome(tx, row.id, result, options, this.deps.now()));
  }

  /** The parts of a long message the provider has not accepted yet (all, on a first try). */
  private async partsToSend(messageId: string, total: number): Promise<number[]> {
    const accepted = await this.deps.db.all<{ part: number }>(
      'SELECT part FROM sms_parts WHERE message_id = ? AND part IS NOT NULL',
      [messageId],
    );
    const done = new Set(accepted.map((p) => p.part));
    return Array.from({ length: total }, (_, i) => i + 1).filter((part) => !done.has(part));
  }

  /** One part of a long message accepted: committed before the provider sends the next. */
  private recordPart(messageId: string, part: number, total: number, providerId: string, providerName: string): Promise<void> {
    const detail = `part ${part} of ${total} accepted by ${providerName} as ${providerId}`;
    return this.deps.writer
      .write((tx) => acceptPart(tx, messageId, part, providerId, detail, this.deps.now()))
      .then((changes) => this.deps.announce(changes));
  }

  /** Accepted submits are recorded together, per provider: whoever comes while a write waits joins it. */
  private readonly accepted = new Map<string, GroupCommit<AcceptedSubmit, void>>();

  private acceptedBy(providerName: string): GroupCommit<AcceptedSubmit, void> {
    let group = this.accepted.get(providerName);
    if (!group) {
      group = new GroupCommit<AcceptedSubmit, void>(
        (take) =>
          this.deps.writer
            .write((tx) => {
              const batch = take();
              return recordAccepted(tx, batch, providerName, this.deps.now()).then((changes) => ({ batch, changes }));
            })
            .then(({ batch, changes }) => {
              this.deps.announce(changes);
              return batch.map(() => undefined);
            }),
        { maxBatch: 5000, onFailure: 'reject' },
      );
      this.accepted.set(providerName, group);
    }
    return group;
  }

  private wakeLater(ms: number) {
    setTimeout(() => this.wake(), ms).unref();
  }

  /**
   * Marks up to `limit` due messages as sending, in one committed transaction. The
   * claim walks (status, urgent, seq) in order rather than sorting every queued row:
   * with 10,000 queued a sort per claim made the sender slower the longer the queue.
   */
  private claim(limit: number, lane: Lane): Promise<MessageRow[]> {
    const at = this.deps.now().toISOString();
    const orgs = lane.orgs ? { only: [...lane.orgs] } : { except: this.deps.pool.ownAccountOrgs() };
    return this.deps.writer.write((tx) => claim(tx, limit, at, orgs, this.deps.node.id, dialectOf(this.deps.db)));
  }

  /** Unconfirmed past the grace period → queued again; queued past validity → expired. */
  private async sweep() {
    const now = this.deps.now();
    const graceEdge = new Date(now.getTime() - this.deps.config.unconfirmedGraceMs).toISOString();
    const validityEdge = new Date(now.getTime() - this.deps.config.validityMs).toISOString();
    await this.takeBack();
    const changes = await this.deps.writer.write(async (tx) => {
      const out: (SmsStatusChange | null)[] = [];
      const stale = await tx.all<MessageRow>(
        "SELECT * FROM sms_messages WHERE status = 'sending' AND unconfirmed_since IS NOT NULL AND unconfirmed_since <= ?",
        [graceEdge],
      );
      for (const row of stale) {
        out.push(await requeue(tx, row, now, 0, 'no receipt came for the unconfirmed attempt: the provider did not have it', false));
      }
      const old = await tx.all<MessageRow>("SELECT * FROM sms_messages WHERE status = 'queued' AND created_at <= ?", [
        validityEdge,
      ]);
      for (const row of old) out.push(await expire(tx, row, now.toISOString()));
      const unknown = await dropStaleEarlyReceipts(tx, new Date(graceEdge));
      return { out, unknown };
    });
    for (const receipt of changes.unknown) {
      // Never the number: the provider's id and what it said are enough to look it up there.
      this.deps.log.warn({ providerId: receipt.providerId, status: receipt.status }, 'a receipt matched no message within the grace period');
    }
    this.deps.announce(changes.out);
  }
}

