import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Queries } from '../store/db.ts';
import { accountIdentity, accountKey, allAccounts } from './accounts.ts';
import type { InboundScope } from './inbound-route.ts';
import { createAccountProvider } from './providers/index.ts';
import { NamespacedProvider } from './providers/namespaced.ts';
import type { Inbound, ProviderWebhook, Receipt, SmsProvider, WebhookCall } from './providers/provider.ts';
import { defaultSenderOf } from './settings.ts';
import { Refusal } from '../errors.ts';
import { ErrorCode } from '#core/api/errors';

/**
 * One way out: a provider link and the organisations that send through it. The relay's
 * lane carries every organisation without an account of its own; each distinct own
 * account (README "SMS across organisations") is one more lane — one SMPP session, or one
 * Twilio client — however many organisations share it.
 */
export interface Lane {
  key: string;
  provider: SmsProvider;
  scope: InboundScope;
  /** The organisations it carries; null for the relay's lane (everyone else). */
  orgs: ReadonlySet<string> | null;
}

export interface PoolSink {
  receipt(receipt: Receipt): Promise<void>;
  inbound(message: Inbound, scope: InboundScope): Promise<void>;
}

export class ProviderPool {
  readonly relay: Lane;
  private lanes = new Map<string, Lane>();
  private laneOfOrg = new Map<string, Lane>();
  private senders = new Map<string, string>();
  private sink: PoolSink | null = null;
  private readyListener: () => void = () => undefined;
  private refreshing: Promise<void> = Promise.resolve();
  /** Another node of the relay may have changed an account: the store is read again this often. */
  private timer: NodeJS.Timeout | null = null;

  constructor(
    relayProvider: SmsProvider,
    private readonly deps: { db: Queries; config: Config; log: Logger },
  ) {
    this.relay = { key: 'relay', provider: relayProvider, orgs: null, scope: this.scopeOf(() => this.relay) };
  }

  async start(sink: PoolSink, onReady: () => void) {
    this.sink = sink;
    this.readyListener = onReady;
    await this.relay.provider.start(this.sinkOf(this.relay));
    this.relay.provider.onReady(onReady);
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), 30_000);
    this.timer.unref();
  }

  async stop() {
    if (this.timer) clearInterval(this.timer);
    const lanes = [this.relay, ...this.lanes.values()];
    this.lanes.clear();
    this.laneOfOrg.clear();
    await Promise.all(lanes.map((lane) => lane.provider.stop()));
  }

  /** Every lane, the relay's first. */
  all(): Lane[] {
    return [this.relay, ...this.lanes.values()];
  }

  laneOf(orgId: string): Lane {
    return this.laneOfOrg.get(orgId) ?? this.relay;
  }

  /** The organisation's own sender, if it set one. */
  senderOf(orgId: string): string | undefined {
    return this.senders.get(orgId);
  }

  /** Organisations that send through a lane of their own (the relay's lane carries all others). */
  ownAccountOrgs(): string[] {
    return [...this.laneOfOrg.keys()];
  }

  /** Reads the accounts and senders from the store again: starts new links, stops unused ones. One refresh at a time. */
  refresh(): Promise<void> {
    this.refreshing = this.refreshing.then(() => this.load()).catch((err: unknown) => this.deps.log.error({ err }, 'could not read the SMS accounts'));
    return this.refreshing;
  }

  private async load() {
    const { db, config, log } = this.deps;
    const senders = await db.all<{ org_id: string; sender: string }>('SELECT org_id, sender FROM sms_settings WHERE sender IS NOT NULL');
    this.senders = new Map(senders.map((r) => [r.org_id, r.sender]));
    const wanted = new Map<string, { orgs: Set<string>; start: () => SmsProvider }>();
    for (const { orgId, account } of await allAccounts(db, config.sms)) {
      const key = accountKey(account);
      const entry = wanted.get(key);
      if (entry) entry.orgs.add(orgId);
      else if (wanted.size < config.sms.accounts.max) {
        const prefix = `a${createHash('sha256').update(accountIdentity(account)).digest('hex').slice(0, 12)}:`;
        wanted.set(key, { orgs: new Set([orgId]), start: () => new NamespacedProvider(createAccountProvider(account, config.sms, log), prefix) });
      }
    }
    const next = new Map<string, Lane>();
    for (const [key, want] of wanted) {
      const lane: Lane = this.lanes.get(key) ?? { key, provider: want.start(), orgs: want.orgs, scope: this.scopeOf(() => lane) };
      lane.orgs = want.orgs;
      if (!this.lanes.has(key) && this.sink) {
        await lane.provider.start(this.sinkOf(lane));
        lane.provider.onReady(this.readyListener);
      }
      next.set(key, lane);
    }
    const gone = [...this.lanes.values()].filter((lane) => !next.has(lane.key));
    this.lanes = next;
    this.laneOfOrg = new Map([...next.values()].flatMap((lane) => [...(lane.orgs ?? [])].map((org) => [org, lane] as const)));
    await Promise.all(gone.map((lane) => lane.provider.stop()));
    this.readyListener();
  }

  private scopeOf(lane: () => Lane): InboundScope {
    return { carries: (orgId) => this.laneOf(orgId) === lane(), defaultSender: defaultSenderOf(this.deps.config.sms) };
  }

  private sinkOf(lane: Lane) {
    return {
      receipt: (r: Receipt) => this.sink!.receipt(r),
      inbound: (m: Inbound) => this.sink!.inbound(m, lane.scope),
    };
  }

  /**
   * The provider callbacks the relay serves (Twilio's), whichever lane they are for: each
   * lane offering that path judges the call in turn (its signature is checked against its
   * own account), and the first that takes it answers. None: 403.
   */
  webhooks(): readonly ProviderWebhook[] {
    const paths = new Map<string, number>();
    for (const hook of [...(this.relay.provider.webhooks?.() ?? []), ...twilioPaths]) paths.set(hook.path, Math.max(paths.get(hook.path) ?? 0, hook.maxBytes));
    return [...paths].map(([path, maxBytes]) => ({ path, maxBytes, handle: (call: WebhookCall) => this.dispatch(path, call) }));
  }

  private async dispatch(path: string, call: WebhookCall) {
    let refused: unknown = new Refusal(ErrorCode.forbidden, 'This request is not signed by a provider account of this relay.');
    for (const lane of this.all()) {
      const hook = lane.provider.webhooks?.().find((h) => h.path === path);
      if (!hook) continue;
      try {
        return await hook.handle(call);
      } catch (err) {
        if (!(err instanceof Refusal)) throw err;
        refused = err;
      }
    }
    throw refused;
  }
}

/** Twilio's callbacks are served even before any organisation has a Twilio account. */
const twilioPaths = [
  { path: '/api/sms/twilio/status', maxBytes: 64 * 1024 },
  { path: '/api/sms/twilio/inbound', maxBytes: 64 * 1024 },
];
