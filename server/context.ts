import type { Logger } from 'pino';
import type { SignInThrottle } from './accounts/sign-in-throttle.ts';
import type { HashPool } from './auth/hash-pool.ts';
import type { SharedRates } from './auth/shared-rates.ts';
import type { Config } from './config.ts';
import type { MailGateway } from './mail/gateway.ts';
import type { SmsGateway } from './sms/gateway.ts';
import type { RelayNode } from './nodes/relay-node.ts';
import type { Database } from './store/db.ts';

/** Things the relay's parts are notified of, so that live state follows the store. */
export interface RelayEvents {
  /**
   * Someone's access to an activity may have changed: re-judge live connections.
   * Resolves once they are judged, so an API answer never runs ahead of the relay.
   */
  accessChanged(activityId: string): Promise<void>;
  /** A person's sessions were revoked: their live connections end too. */
  sessionsRevoked(userId: string): void;
  /**
   * Files were attached to an activity or removed from it: the live document judges
   * attachments and page anchors against them (server/sync/SPEC.md W13). Called before the
   * upload is answered, so the uploader's next write finds its file.
   */
  filesChanged(activityId: string, change: { added?: readonly string[]; removed?: readonly string[] }): Promise<void>;
  /** A person's name changed: their live connections write under the new one (SPEC W1). */
  renamed(userId: string, name: string): void;
  /**
   * Something was stored that makes in-app notices (comments mentioning people were
   * logged, a poll opened): the notifications feature, listening with `onNoticesPending`,
   * takes it from the store now rather than at its next turn.
   */
  noticesPending(): void;
  onNoticesPending(listener: () => void): void;
}

/**
 * The live shared documents, for the changes the relay itself makes to them (a restore
 * from the history): read the current state, apply an update as a person's, logged and
 * broadcast like their own edit (server/sync/hub.ts).
 */
export interface LiveDocuments {
  state(activityId: string): Promise<Uint8Array>;
  /** `system`: the relay's own job (an erasure, SPEC E1), not held to the person's caps (W14); the document's (L9) hold. */
  apply(activityId: string, userId: string, update: Uint8Array, options?: { system?: boolean }): Promise<number | null>;
  /**
   * The activity's content is being removed (retention): its room closes every connection
   * with `reason`, commits nothing more and is dropped without a snapshot; it is never
   * loaded again by this relay (the store refuses tickets and upgrades after a restart).
   */
  close(activityId: string, reason: string): Promise<void>;
}

/** What every service of the relay is handed: no globals. */
export interface Context extends BaseContext {
  /** Send SMS and hear replies and statuses (server/sms/gateway.ts). */
  sms: SmsGateway;
  /** Send e-mail (server/mail/gateway.ts). */
  mail: MailGateway;
}

/** The context without the services built on it (what those services are handed). */
export interface BaseContext {
  db: Database;
  /** This process as one node among several on the store: its id and lease (nodes/relay-node.ts). */
  node: RelayNode;
  config: Config;
  log: Logger;
  now: () => Date;
  events: RelayEvents;
  documents: LiveDocuments;
  /** Password hashing, on its own threads (auth/hash-pool.ts). */
  hashing: HashPool;
  /** Password guesses per account and address: sign-in and a person confirming their own (accounts/sign-in.ts). */
  passwordGuesses: SignInThrottle;
  /** The HTTP API's rate windows that hold over every node (auth/shared-rates.ts). */
  rates: SharedRates;
}
