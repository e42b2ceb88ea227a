import { composeSms, maxParts } from '#core/sms/compose';
import { checkBudget, costOf, formatMoney, monthOf } from '#core/sms/cost';
import { isReservedKeyword } from '#core/sms/keywords';
import { nextSendable } from '#core/sms/quiet-hours';
import { normalizePhone } from '#core/people/phone';
import { cleanText } from '#core/text/clean';
import type { BaseContext } from '../context.ts';
import { newId } from '../auth/tokens.ts';
import { GroupCommit } from '../store/group-commit.ts';
import { BatchWriter } from './batch-writer.ts';
import { confirmationLocale, confirmationText } from './confirmations.ts';
import { consentState, timeZoneOf } from './consent.ts';
import { takeFromDay } from './day-counts.ts';
import {
  RefusalReason,
  SmsRefused,
  type EnqueueRequest,
  type EnqueuedSms,
  type ReplyListener,
  type SmsGateway,
  type SimulatedPhones,
  type SmsStatusChange,
  type StatusListener,
} from './gateway.ts';
import { addHistory, type MessageRow } from './messages.ts';
import { recordReceipts } from './receipts.ts';
import { createProvider } from './providers/index.ts';
import { OutboxProvider } from './providers/outbox.ts';
import type { Inbound, ProviderStatus, ProviderWebhook, Receipt, SmsProvider } from './providers/provider.ts';
import type { InboundScope } from './inbound-route.ts';
import { ProviderPool } from './provider-pool.ts';
import { recordInbound } from './replies.ts';
import { informationSmsThisMonth, settingsOf, spentThisMonth } from './settings.ts';
import { SmsWorker } from './worker.ts';

/** Kinds the gateway itself sends: confirmations a member is owed even after STOP. */
export const systemKinds = { stop: 'sms.stop-confirmation', start: 'sms.start-confirmation', help: 'sms.help' } as const;

/** The gateway behind `ctx.sms` (interface and rules: gateway.ts). */
export class SmsService implements SmsGateway {
  readonly pool: ProviderPool;
  readonly writer: BatchWriter;
  private readonly worker: SmsWorker;
  private readonly replyListeners = new Map<string, ReplyListener[]>();
  private readonly statusListeners = new Map<string, StatusListener[]>();

  constructor(private readonly ctx: BaseContext) {
    this.pool = new ProviderPool(createProvider(ctx.config, ctx.log), { db: ctx.db, config: ctx.config, log: ctx.log });
    this.writer = new BatchWriter(ctx.db);
    this.worker = new SmsWorker({
      db: ctx.db,
      node: ctx.node,
      writer: this.writer,
      pool: this.pool,
      config: ctx.config.sms,
      log: ctx.log,
      now: ctx.now,
      announce: (changes) => this.announce(changes),
    });
  }

  onReply(kind: string, listener: ReplyListener) {
    this.replyListeners.set(kind, [...(this.replyListeners.get(kind) ?? []), listener]);
  }

  onStatus(kind: string, listener: StatusListener) {
    this.statusListeners.set(kind, [...(this.statusListeners.get(kind) ?? []), listener]);
  }

  async start() {
    await this.pool.start({ receipt: (r) => this.receipt(r), inbound: (m, scope) => this.inbound(m, scope) }, () => this.worker.wake());
    await this.worker.start();
  }

  async stop() {
    await this.worker.stop();
    await this.pool.stop();
    // Submits the provider gave up on while closing are recorded as in doubt before the store closes.
    await this.worker.stop();
    await this.writer.flush();
  }

  async enqueue(request: EnqueueRequest): Promise<EnqueuedSms> {
    return this.enqueueChecked(request, false);
  }

  private async enqueueChecked(asked: EnqueueRequest, system: boolean): Promise<EnqueuedSms> {
    const { db, config } = this.ctx;
    const request = { ...asked, text: cleanText(asked.text, 'lines') };
    if (request.text.trim().length === 0) throw new SmsRefused(RefusalReason.emptyText, 'The text is empty.');
    const reserved = request.expectsReply?.choices?.find((c) => isReservedKeyword(c));
    if (reserved) {
      throw new SmsRefused(RefusalReason.reservedKeyword, `"${reserved}" cannot be an answer: members use it to unsubscribe or ask for help.`);
    }
    const composed = composeSms(request.text);
    if (composed.segments > maxParts) {
      throw new SmsRefused(RefusalReason.tooLong, `The text needs ${composed.segments} SMS; at most ${maxParts} are sent.`);
    }
    const { phone, userId } = await this.recipient(request);
    if (!system) {
      const consent = await consentState(db, request.orgId, phone);
      if (consent === 'out') throw new SmsRefused(RefusalReason.optedOut, `${phone} answered STOP: no SMS may be sent to it.`);
      if (consent === 'none' && !request.verification) {
        throw new SmsRefused(RefusalReason.noConsent, `No opt-in is recorded for ${phone}: record one before sending.`);
      }
    }
    const settings = await settingsOf(db, config.sms, request.orgId);
    const cost = costOf(composed.segments, settings.pricePerSegmentMicros);
    const now = this.ctx.now();
    const timeZone = (await timeZoneOf(db, request.orgId, phone)) ?? settings.timeZone;
    const notBefore =
      request.urgent || system ? now : nextSendable(now, { start: settings.quietStart, end: settings.quietEnd, timeZone });
    const at = now.toISOString();
    const result = await this.writer.write(async (tx) => {
      const existing = await tx.get<MessageRow>('SELECT * FROM sms_messages WHERE org_id = ? AND idempotency_key = ?', [
        request.orgId,
        request.idempotencyKey,
      ]);
      if (existing) return { row: existing, duplicate: true };
      const limit = settings.monthlyBudgetMicros;
      const spent = limit === null ? 0 : await spentThisMonth(tx, request.orgId, monthOf(now));
      const budget = checkBudget(spent, cost, limit);
      if (!budget.allowed) {
        throw new SmsRefused(
          RefusalReason.overBudget,
          `This SMS costs ${formatMoney(cost, settings.currency)}; the monthly budget of ${formatMoney(budget.budget ?? 0, settings.currency)} has ${formatMoney(Math.max(0, (budget.budget ?? 0) - budget.spent), settings.currency)} left.`,
        );
      }
      if (!system && request.requestedBy && !(await takeFromDay(tx, request.orgId, `sender:${request.requestedBy}`, now, settings.senderDailyLimit))) {
        throw new SmsRefused(
          RefusalReason.senderQuota,
          `You have reached your ${settings.senderDailyLimit} SMS a day (the organisation's limit per sender): more can go tomorrow.`,
        );
      }
      const cap = settings.personMonthlyCap;
      if (!system && !request.urgent && !request.verification && userId && cap !== null && (await informationSmsThisMonth(tx, request.orgId, userId, monthOf(now))) >= cap) {
        throw new SmsRefused(RefusalReason.personCap, `This person had the ${cap} information SMS a month the organisation allows: more can go next month.`);
      }
      const id = newId();
      await tx.run(
        `INSERT INTO sms_messages (id, org_id, user_id, to_phone, text, encoding, segments, cost_micros, kind, idempotency_key,
           expects_kind, expects_subject, expects_choices, urgent, requested_by, status, next_attempt_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?)`,
        [
          id,
          request.orgId,
          userId,
          phone,
          request.text,
          composed.encoding,
          composed.segments,
          cost,
          request.kind,
          request.idempotencyKey,
          request.expectsReply?.kind ?? null,
          request.expectsReply?.subject ?? null,
          request.expectsReply?.choices ? JSON.stringify(request.expectsReply.choices) : null,
          request.urgent || system ? 1 : 0,
          request.requestedBy ?? null,
          notBefore.toISOString(),
          at,
          at,
        ],
      );
      const waits = notBefore > now ? `; quiet hours: not before ${notBefore.toISOString()}` : '';
      await addHistory(tx, id, 'queued', `${composed.segments} × ${composed.encoding}${waits}`, at);
      const row = await tx.get<MessageRow>('SELECT * FROM sms_messages WHERE id = ?', [id]);
      return { row: row!, duplicate: false };
    });
    if (!result.duplicate) this.worker.wake();
    const { row } = result;
    return {
      id: row.id,
      segments: row.segments,
      encoding: row.encoding,
      status: row.status,
      notBefore: row.next_attempt_at,
      duplicate: result.duplicate,
    };
  }

  private async recipient(request: EnqueueRequest): Promise<{ phone: string; userId: string | null }> {
    const { db } = this.ctx;
    if (request.userId) {
      const user = await db.get<{ phone: string | null }>('SELECT phone FROM users WHERE id = ? AND org_id = ?', [
        request.userId,
        request.orgId,
      ]);
      if (!user) throw new SmsRefused(RefusalReason.unknownPerson, 'No such person in this organisation.');
      if (!user.phone) throw new SmsRefused(RefusalReason.noPhone, 'This person has no phone number.');
      return { phone: user.phone, userId: request.userId };
    }
    const org = await db.get<{ region: string }>('SELECT region FROM organizations WHERE id = ?', [request.orgId]);
    const parsed = normalizePhone(request.to ?? '', org?.region ?? 'FR');
    if (!parsed.ok) throw new SmsRefused(RefusalReason.invalidNumber, parsed.reason);
    const user = await db.get<{ id: string }>('SELECT id FROM users WHERE org_id = ? AND phone = ? AND disabled_at IS NULL', [
      request.orgId,
      parsed.e164,
    ]);
    return { phone: parsed.e164, userId: user?.id ?? null };
  }

  /** Receipts that arrive while a write waits join it (receipts.ts records them in bulk). */
  private readonly receipts = new GroupCommit<Receipt, { found: boolean; change: SmsStatusChange | null }>(
    (take) => this.writer.write((tx) => recordReceipts(tx, take(), this.ctx.now())),
    { maxBatch: 5000, onFailure: 'reject' },
  );

  private async receipt(receipt: Receipt) {
    const result = await this.receipts.add(receipt);
    if (result && !result.found) {
      // Never the number (nor the receipt's text): the provider's id is enough to look it up there.
      this.ctx.log.warn({ providerId: receipt.providerId, status: receipt.status }, 'a receipt for a message we do not know');
    }
    this.announce([result?.change ?? null]);
  }

  private async inbound(message: Inbound, scope: InboundScope) {
    const effect = await this.writer.write((tx) => recordInbound(tx, message, this.ctx.now(), scope));
    if ((effect.kind === 'stop' || effect.kind === 'start' || effect.kind === 'help') && effect.confirm && (await this.mayConfirm(effect))) {
      const text =
        effect.kind === 'help'
          ? (await settingsOf(this.ctx.db, this.ctx.config.sms, effect.orgId)).helpText
          : confirmationText(effect.kind, await confirmationLocale(this.ctx.db, effect.orgId, effect.userId));
      await this.enqueueChecked(
        { orgId: effect.orgId, to: effect.phone, text, kind: systemKinds[effect.kind], idempotencyKey: `${systemKinds[effect.kind]}:${newId()}` },
        true,
      ).catch((err: unknown) =>
        err instanceof SmsRefused
          ? this.ctx.log.info({ reason: err.reason, kind: effect.kind }, 'SMS confirmation not sent')
          : this.ctx.log.error({ err }, 'could not queue an SMS confirmation'),
      );
    }
    if (effect.kind === 'reply') {
      for (const listener of this.replyListeners.get(effect.messageKind) ?? []) {
        await Promise.resolve(listener(effect.reply)).catch((err: unknown) =>
          this.ctx.log.error({ err, kind: effect.messageKind }, 'an SMS reply listener failed'),
        );
      }
    }
  }

  /**
   * Confirmations are metered: a number gets at most `confirmationsPerNumberDaily` a day,
   * and numbers that are no one's in the organisation share `confirmationsUnknownDaily`.
   */
  private async mayConfirm(effect: { orgId: string; phone: string; userId: string | null; kind: 'stop' | 'start' | 'help' }): Promise<boolean> {
    const { config } = this.ctx;
    const now = this.ctx.now();
    const since = new Date(now.getTime() - 86_400_000).toISOString();
    const allowed = await this.ctx.db.transaction(async (tx) => {
      const kinds = Object.values(systemKinds);
      const recent = await tx.get<{ n: number }>(
        `SELECT count(*) AS n FROM sms_messages WHERE to_phone = ? AND org_id = ? AND kind IN (${kinds.map(() => '?').join(', ')}) AND created_at >= ?`,
        [effect.phone, effect.orgId, ...kinds, since],
      );
      if ((recent?.n ?? 0) >= config.sms.confirmationsPerNumberDaily) return false;
      return effect.userId !== null || takeFromDay(tx, effect.orgId, 'unknown-confirmations', now, config.sms.confirmationsUnknownDaily);
    });
    if (!allowed) this.ctx.log.info({ kind: effect.kind, known: effect.userId !== null }, 'SMS confirmation not sent: daily limit reached');
    return allowed;
  }

  private announce(changes: (SmsStatusChange | null)[]) {
    for (const change of changes) {
      if (!change) continue;
      for (const listener of this.statusListeners.get(change.kind) ?? []) {
        void Promise.resolve()
          .then(() => listener(change))
          .catch((err: unknown) => this.ctx.log.error({ err, kind: change.kind }, 'an SMS status listener failed'));
      }
    }
  }

  /** The relay's own provider (SMS_PROVIDER). */
  get provider(): SmsProvider {
    return this.pool.relay.provider;
  }

  providerStatus(orgId?: string): ProviderStatus {
    return (orgId ? this.pool.laneOf(orgId) : this.pool.relay).provider.status();
  }

  /** An organisation's sender or account changed: links are opened or closed to match. */
  accountsChanged(): Promise<void> {
    return this.pool.refresh();
  }

  webhooks(): readonly ProviderWebhook[] {
    return this.pool.webhooks();
  }

  simulatedPhones(): SimulatedPhones | null {
    return this.provider instanceof OutboxProvider ? this.provider : null;
  }

  /** The worker looks for due messages now (used by the Outbox's "send now"). */
  wake() {
    this.worker.wake();
  }
}
