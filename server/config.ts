import { availableParallelism } from 'node:os';
import path from 'node:path';
import { isProviderName, smsProviderNames, type SmsProviderName } from '#core/api/sms';
import { isPlanId, planIds, type PlanId } from '#core/plans/plans';
import { campaignLimits } from '#core/api/campaigns';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** CONCLAVE_DATABASE_URL: the PostgreSQL database holding every table; null keeps them in SQLite in dataDir (store/open.ts). */
  databaseUrl: string | null;
  /** Connections the relay opens to PostgreSQL (CONCLAVE_DATABASE_CONNECTIONS). */
  databaseConnections: number;
  /** The URL clients use to reach the relay, when it differs from host:port (a proxy). */
  publicUrl: string | null;
  /** `CONCLAVE_REDIS_URL`: several relay nodes share live rooms through this Redis (server/sync/CLUSTER.md); one node alone without it. */
  redisUrl: string | null;
  /**
   * CONCLAVE_SECRET_KEY: 32 bytes kept outside the store that seal what the store must not
   * show to whoever holds it — organisations' provider secrets (sms/sealed.ts) and anonymous
   * ballots (polls/sealing.ts); null: none (a PostgreSQL store then opens no anonymous poll).
   */
  secretKey: Buffer | null;
  sessionDays: number;
  /** Open TCP connections one address may hold to the HTTP API at once; upgraded sync sockets count under C2 instead (SPEC C5). */
  maxHttpConnectionsPerAddress: number;
  /** The load balancers and proxies in front of the relay, whose X-Forwarded-For is believed (CONCLAVE_TRUSTED_PROXIES: addresses and CIDR blocks, read by http/client-address.ts). */
  trustedProxies: string;
  /** Password hashing: its own threads, and how many hashes may wait for one (README: "Security and limits"). */
  hashing: { threads: number; queue: number };
  ticketSeconds: number;
  /** What one replay of the log since a moment (who removed what, SPEC H4) may cost on the history thread: steps of work and milliseconds (H5). */
  history: { replaySteps: number; replayMs: number };
  sync: {
    maxFrameBytes: number;
    maxDocumentBytes: number;
    /** Messages per second a connection may send, sustained, and the burst above it. */
    messagesPerSecond: number;
    messageBurst: number;
    /** A document unused this long is written to a snapshot and unloaded. */
    idleUnloadMs: number;
    /** Fold the update log into a snapshot after this many updates. */
    snapshotEvery: number;
    /** Structs and deleted ranges one update may carry (SPEC U3). */
    maxUpdateEntries: number;
    /** Structs one document may hold. */
    maxDocumentItems: number;
    /** Percent of the document's size limit one contributor's content may take (SPEC U4). */
    maxSharePercent: number;
    /** Bytes written to documents per day: by one person in all activities, and in one activity (SPEC U7). */
    personBytesPerDay: number;
    activityBytesPerDay: number;
    /** New Yjs client ids one person may take in one document per UTC day, and in all (SPEC W12). */
    newClientsPerDay: number;
    maxClientsPerPerson: number;
    /** Edits are refused while the data folder's disk has less free space than this (SPEC U8). */
    minFreeDiskBytes: number;
    /** Logged updates keep their data this long after a snapshot folded them (SPEC D5). */
    logKeepHours: number;
    /** Past snapshots kept per document beyond the log's window, thinned to stay spread over time (SPEC D5). */
    snapshotsKept: number;
    /** Within the log's window, a past snapshot is kept as a checkpoint every this many updates (SPEC D6). */
    checkpointEvery: number;
    /** Bytes waiting to be sent to one connection before it is dropped as a slow reader (L4). */
    maxBacklogBytes: number;
    /** One awareness state's JSON, at most (L6). */
    maxAwarenessStateBytes: number;
    /** Per connection: awareness bytes per second (burst 4 s worth), step 1 and query-awareness answers per minute (L8). */
    awarenessBytesPerSecond: number;
    step1PerMinute: number;
    awarenessQueriesPerMinute: number;
    /** Live connections per person and per address, rooms per person, tickets per person per minute (C1–C4). */
    maxConnectionsPerPerson: number;
    maxConnectionsPerAddress: number;
    maxRoomsPerPerson: number;
    ticketsPerMinute: number;
  };
  /** Where the built client lives, served at `/` (web mode); null to serve none. */
  webRoot: string | null;
  sqliteSynchronous: 'FULL' | 'NORMAL';
  /**
   * CONCLAVE_EXPLAIN_SCANS: a file where the SQLite store writes each table a statement reads
   * whole, one JSON line each (an operator's diagnostic, store/explain-scans.ts); null: off.
   * Refused with CONCLAVE_DATABASE_URL (PostgreSQL's plans depend on its statistics).
   */
  explainScans: string | null;
  sms: SmsConfig;
  mail: MailConfig;
  figures: FiguresConfig;
  ideas: IdeasConfig;
  files: FilesConfig;
  organizations: OrganizationsConfig;
  /** pino's level for the relay's log. */
  logLevel: string;
  /**
   * Test only (NODE_ENV=test): a file holding the instant the relay's clock reads
   * (server/clock.ts); null for the system clock. Set outside tests, the relay refuses to start.
   */
  fakeClockFile: string | null;
  /**
   * Test only (NODE_ENV=test, `CONCLAVE_ERASURE_CRASH_AT=after-updates-batch`): kill the relay
   * right after an erasure commits its first batch of rewritten updates, to prove a crash
   * mid-way leaves no trace of the person once the erasure resumes (server/history/erasure.ts).
   */
  erasureCrashAt: 'after-updates-batch' | null;
  /**
   * How often the vote notices' schedule looks at the clock even when no due time says so
   * (`CONCLAVE_NOTICES_TICK_MS`, ms): a reminder is late by at most this after the clock
   * jumps (tests move a fake clock by days). The due times themselves are in SQLite.
   */
  noticesTickMs: number;
  cluster: ClusterConfig;
}

/** Several relay nodes on one store (issue 19; README "Deployment"). */
export interface ClusterConfig {
  /**
   * How long a node's lease lasts unrenewed (`CONCLAVE_NODE_LEASE_MS`, default 10 s, at
   * least 1 s): a node dead this long has its SMS and e-mail claims and its timed jobs
   * taken over by the others. It renews every third of it.
   */
  nodeLeaseMs: number;
}

/**
 * The figures part's settings (README: "Daily figures"). Per-schedule settings (window,
 * delivery watch) live with each schedule; these are the relay's.
 */
export interface FiguresConfig {
  /** How often the scheduler looks at the clock and the store (ms). */
  tickMs: number;
  /** A "send now" interrupted by a crash is finished on restart within this time (ms). */
  resumeSendNowMs: number;
  /**
   * Test only (NODE_ENV=test): kill the process at a point of a scheduled send, to
   * prove a crash there neither loses nor repeats an SMS. `after-claim` | `after-enqueue`.
   */
  crashAt: string | null;
}

/** Organisations on one relay (README: "Organisations and plans"). */
export interface OrganizationsConfig {
  /** CONCLAVE_SIGNUP=open: organisations may sign up (POST /api/organizations); else only the first-run setup. */
  signupOpen: boolean;
  /** CONCLAVE_DEFAULT_PLAN: the plan of new organisations. */
  defaultPlan: PlanId;
  /** Sign-ups one address may make per hour (CONCLAVE_SIGNUPS_PER_HOUR). */
  signupsPerAddressPerHour: number;
  /** How often the retention job looks for closed activities to warn about or remove (CONCLAVE_RETENTION_TICK_MS, an hour). */
  retentionTickMs: number;
  /** Test only (NODE_ENV=test): kill the process in the middle of a removal (`mid-removal`), to prove it resumes. */
  retentionCrashAt: string | null;
}

/** Files attached to activities (README: "Files in activities"). */
export interface FilesConfig {
  /** CONCLAVE_FILE_MAX_BYTES: the largest file accepted, in bytes (larger: 413, nothing kept). */
  maxFileBytes: number;
  /** Files one upload request may carry. */
  maxFilesPerRequest: number;
  /** Uploads one person may have streaming at once (each may hold a temporary file up to the limit). */
  uploadsPerPerson: number;
  /** CONCLAVE_DOWNLOADS_PER_PERSON: files, previews and activity archives one person may be downloading at once from a node (429 past it). */
  downloadsPerPerson: number;
  /** CONCLAVE_DOWNLOADS_PER_ORGANIZATION: the same for all of an organisation's people together. */
  downloadsPerOrganization: number;
  /** CONCLAVE_OFFICE_TIMEOUT_MS: how long `soffice` may take to turn an Office file into a PDF before it is killed. */
  officeTimeoutMs: number;
  /** CONCLAVE_UPLOAD_STALL_MS: an upload that sends nothing for this long is cut, nothing kept (default 15 s). */
  uploadStallMs: number;
  /**
   * CONCLAVE_FILES_DIR: a folder that holds attached files' bytes (a volume the nodes share),
   * whichever the store; idea photos then stay in `<data dir>/photos`. Unset: `<data
   * dir>/files` on SQLite, the database itself on PostgreSQL (files/open-blobs.ts,
   * ideas/photo-store.ts).
   */
  dir: string | null;
}

/** The idea box's limits (README: "Idea box"). */
export interface IdeasConfig {
  /** The largest photo accepted, in bytes (before its metadata is stripped). */
  photoMaxBytes: number;
  /** What one person's stored photos may add up to, in bytes. */
  quotaBytes: number;
  /**
   * Test only (NODE_ENV=test, `CONCLAVE_IDEAS_CRASH_AT=after-answer`): kill the relay
   * right after an answer is committed and before its SMS is handed to the gateway, to
   * prove the SMS then goes once at restart — neither lost nor sent twice.
   */
  crashAfterAnswer: boolean;
  /** Test only (`CONCLAVE_IDEAS_CRASH_AT=after-reward`): kill the relay once a reward is committed, before its author is told. */
  crashAfterReward: boolean;
  /** Test only (`CONCLAVE_IDEAS_CRASH_AT=after-merge`): kill the relay once a merge is committed, before its authors are e-mailed. */
  crashAfterMerge: boolean;
  /** Public sign-ups waiting for their link, per published box and on the relay (CONCLAVE_PENDING_SIGNUPS_PER_BOX, CONCLAVE_PENDING_SIGNUPS). */
  pendingSignups: { perBox: number; onRelay: number };
}

/** E-mail (README: "E-mail"): SMTP out, or the in-app outbox. */
export interface MailConfig {
  /** `smtp://user:pass@host:port` or `smtps://…`; null keeps mail in the in-app outbox. */
  smtpUrl: string | null;
  /** The From of every message, e.g. `Conclave <conclave@example.com>`. */
  from: string;
  maxAttempts: number;
  retryBaseMs: number;
  /** Messages handed to the SMTP server at once. */
  concurrency: number;
  /** Replies to notification e-mails (README "E-mail replies"); null: no listener, no Reply-To. */
  inbound: InboundMailConfig | null;
}

/** The SMTP listener that takes replies to notification e-mails (server/mail/inbound/). */
export interface InboundMailConfig {
  port: number;
  host: string;
  /** Replies go to `<local>+<token>@<domain>` of this address. */
  address: string;
  /** One message, whole, at most (bigger: refused at DATA). */
  maxBytes: number;
  /** Messages taken per sending address, and per connecting IP, in an hour. */
  perSenderPerHour: number;
}

/** The SMS gateway's settings (README: "SMS"); per-organisation prices live in the store. */
export interface SmsConfig {
  provider: SmsProviderName;
  smppUrl: string | null;
  /** submit_sm sent before their answers come back (the SMPP window). */
  smppWindow: number;
  /** The sender shown to members (source_addr / From). */
  sender: string;
  enquireLinkMs: number;
  twilio: { accountSid: string | null; authToken: string | null; from: string | null; baseUrl: string };
  /** The URL Twilio calls back, as Twilio sees it: the signature is computed over it. */
  webhookBaseUrl: string | null;
  /** Defaults for organisations that have not set their own. */
  pricePerSegmentMicros: number;
  monthlyBudgetMicros: number | null;
  quietStart: string;
  quietEnd: string;
  timeZone: string;
  maxAttempts: number;
  retryBaseMs: number;
  /** How long a message the provider may or may not have taken waits for news. */
  unconfirmedGraceMs: number;
  /** Messages older than this that could not be sent end as expired. */
  validityMs: number;
  /** Default of the SMS one person may cause per day (organisations may set their own). */
  senderDailyLimit: number;
  /** STOP/START/HELP confirmations sent to one number per day (more are not answered). */
  confirmationsPerNumberDaily: number;
  /** Confirmations per organisation per day to numbers that are no one's in it. */
  confirmationsUnknownDaily: number;
  /** Organisations' own provider accounts (README "SMS across organisations"). */
  accounts: {
    /** Distinct accounts the relay keeps a link to, at most (one SMPP session, or one Twilio client, each). */
    max: number;
    /** Hosts an organisation's SMPP account may name (SMS_ACCOUNT_HOSTS); null: any (only when sign-ups are closed); empty: none. */
    smppHosts: string[] | null;
    /** The relay's CONCLAVE_SECRET_KEY (Config.secretKey), which seals the accounts' secrets in the store (AES-256-GCM); null: kept as given. */
    secretKey: Buffer | null;
  };
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not "${raw}"`);
  return value;
}

function bytes(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a whole number of bytes, not "${raw}"`);
  return value;
}

/** A switch only tests may set: refused outside NODE_ENV=test, so a stray variable never reaches production. */
function testOnly(env: Env, name: string): string | null {
  const value = env[name] || null;
  if (value !== null && env.NODE_ENV !== 'test') throw new Error(`${name} is for tests only: it needs NODE_ENV=test. Unset it to run the relay.`);
  return value;
}

function databaseUrl(value: string | undefined): string | null {
  if (!value) return null;
  if (!/^postgres(ql)?:\/\//.test(value)) throw new Error('CONCLAVE_DATABASE_URL must be a postgres:// URL (unset it to keep the store in SQLite).');
  return value;
}

function explainScans(env: Env): string | null {
  const file = env.CONCLAVE_EXPLAIN_SCANS || null;
  if (file === null) return null;
  if (env.CONCLAVE_DATABASE_URL) {
    throw new Error(
      'CONCLAVE_EXPLAIN_SCANS explains the SQLite store only: a PostgreSQL plan depends on its table statistics, so run the diagnostic on a SQLite relay (or use EXPLAIN on the database). Unset one of the two.',
    );
  }
  return path.resolve(file);
}

/** Reads the relay's configuration from the environment (see the README's table): the one place it is read. */
export function loadConfig(env: Env = process.env): Config {
  const dataDir = path.resolve(env.CONCLAVE_DATA_DIR ?? './data');
  const key = secretKey(env.CONCLAVE_SECRET_KEY);
  return {
    port: int(env, 'PORT', 8787),
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    databaseUrl: databaseUrl(env.CONCLAVE_DATABASE_URL),
    databaseConnections: Math.max(2, int(env, 'CONCLAVE_DATABASE_CONNECTIONS', 10)),
    publicUrl: env.CONCLAVE_PUBLIC_URL ?? null,
    redisUrl: env.CONCLAVE_REDIS_URL || null,
    secretKey: key,
    sessionDays: int(env, 'CONCLAVE_SESSION_DAYS', 30),
    maxHttpConnectionsPerAddress: int(env, 'CONCLAVE_MAX_HTTP_CONNECTIONS_PER_ADDRESS', 512),
    trustedProxies: env.CONCLAVE_TRUSTED_PROXIES ?? '',
    hashing: {
      threads: Math.max(1, int(env, 'CONCLAVE_HASH_THREADS', Math.max(1, Math.min(2, availableParallelism() - 1)))),
      queue: int(env, 'CONCLAVE_HASH_QUEUE', 16),
    },
    ticketSeconds: int(env, 'CONCLAVE_TICKET_SECONDS', 60),
    history: {
      replaySteps: int(env, 'CONCLAVE_HISTORY_REPLAY_STEPS', 5_000_000),
      replayMs: int(env, 'CONCLAVE_HISTORY_REPLAY_MS', 3000),
    },
    sync: {
      maxFrameBytes: int(env, 'CONCLAVE_MAX_FRAME_BYTES', 1024 * 1024),
      maxDocumentBytes: int(env, 'CONCLAVE_MAX_DOCUMENT_BYTES', 32 * 1024 * 1024),
      messagesPerSecond: int(env, 'CONCLAVE_MESSAGES_PER_SECOND', 200),
      messageBurst: int(env, 'CONCLAVE_MESSAGE_BURST', 1000),
      idleUnloadMs: int(env, 'CONCLAVE_IDLE_UNLOAD_MS', 30_000),
      snapshotEvery: int(env, 'CONCLAVE_SNAPSHOT_EVERY', 1000),
      maxUpdateEntries: int(env, 'CONCLAVE_MAX_UPDATE_ENTRIES', 50_000),
      maxDocumentItems: int(env, 'CONCLAVE_MAX_DOCUMENT_ITEMS', 1_000_000),
      maxSharePercent: Math.min(100, int(env, 'CONCLAVE_MAX_SHARE_PERCENT', 50)),
      personBytesPerDay: int(env, 'CONCLAVE_PERSON_BYTES_PER_DAY', 64 * 1024 * 1024),
      activityBytesPerDay: int(env, 'CONCLAVE_ACTIVITY_BYTES_PER_DAY', 256 * 1024 * 1024),
      newClientsPerDay: int(env, 'CONCLAVE_NEW_CLIENTS_PER_DAY', 200),
      maxClientsPerPerson: int(env, 'CONCLAVE_MAX_CLIENTS_PER_PERSON', 2000),
      minFreeDiskBytes: int(env, 'CONCLAVE_MIN_FREE_DISK_BYTES', 512 * 1024 * 1024),
      logKeepHours: int(env, 'CONCLAVE_LOG_KEEP_HOURS', 90 * 24),
      snapshotsKept: Math.max(1, int(env, 'CONCLAVE_SNAPSHOTS_KEPT', 24)),
      checkpointEvery: int(env, 'CONCLAVE_CHECKPOINT_EVERY', 2000),
      maxBacklogBytes: int(env, 'CONCLAVE_MAX_BACKLOG_BYTES', 16 * 1024 * 1024),
      maxAwarenessStateBytes: int(env, 'CONCLAVE_MAX_AWARENESS_STATE_BYTES', 16 * 1024),
      awarenessBytesPerSecond: int(env, 'CONCLAVE_AWARENESS_BYTES_PER_SECOND', 64 * 1024),
      step1PerMinute: int(env, 'CONCLAVE_SYNC_STEP1_PER_MINUTE', 10),
      awarenessQueriesPerMinute: int(env, 'CONCLAVE_AWARENESS_QUERIES_PER_MINUTE', 30),
      maxConnectionsPerPerson: int(env, 'CONCLAVE_MAX_CONNECTIONS_PER_PERSON', 32),
      maxConnectionsPerAddress: int(env, 'CONCLAVE_MAX_CONNECTIONS_PER_ADDRESS', 256),
      maxRoomsPerPerson: int(env, 'CONCLAVE_MAX_ROOMS_PER_PERSON', 16),
      ticketsPerMinute: int(env, 'CONCLAVE_TICKETS_PER_MINUTE', 60),
    },
    webRoot: env.CONCLAVE_WEB_ROOT === '' ? null : path.resolve(env.CONCLAVE_WEB_ROOT ?? 'dist/web'),
    sqliteSynchronous: env.CONCLAVE_SQLITE_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL',
    explainScans: explainScans(env),
    sms: loadSmsConfig(env, key),
    mail: loadMailConfig(env),
    figures: loadFiguresConfig(env),
    ideas: loadIdeasConfig(env),
    files: {
      maxFileBytes: bytes(env, 'CONCLAVE_FILE_MAX_BYTES', 100 * 1024 * 1024),
      maxFilesPerRequest: 20,
      uploadsPerPerson: 3,
      downloadsPerPerson: Math.max(1, int(env, 'CONCLAVE_DOWNLOADS_PER_PERSON', 4)),
      downloadsPerOrganization: Math.max(1, int(env, 'CONCLAVE_DOWNLOADS_PER_ORGANIZATION', 16)),
      officeTimeoutMs: Math.max(1000, int(env, 'CONCLAVE_OFFICE_TIMEOUT_MS', 60_000)),
      uploadStallMs: Math.max(500, int(env, 'CONCLAVE_UPLOAD_STALL_MS', 15_000)),
      dir: env.CONCLAVE_FILES_DIR ? path.resolve(env.CONCLAVE_FILES_DIR) : null,
    },
    organizations: loadOrganizationsConfig(env),
    logLevel: env.LOG_LEVEL ?? 'info',
    fakeClockFile: testOnly(env, 'CONCLAVE_FAKE_CLOCK_FILE'),
    erasureCrashAt: loadErasureCrashAt(env),
    noticesTickMs: Math.max(10, int(env, 'CONCLAVE_NOTICES_TICK_MS', 60_000)),
    cluster: loadClusterConfig(env),
  };
}

function loadClusterConfig(env: Env): ClusterConfig {
  return { nodeLeaseMs: Math.max(1000, int(env, 'CONCLAVE_NODE_LEASE_MS', 10_000)) };
}

function loadErasureCrashAt(env: Env): Config['erasureCrashAt'] {
  const crashAt = testOnly(env, 'CONCLAVE_ERASURE_CRASH_AT');
  if (crashAt !== null && crashAt !== 'after-updates-batch') throw new Error(`CONCLAVE_ERASURE_CRASH_AT must be after-updates-batch, not "${crashAt}"`);
  return crashAt;
}

function loadFiguresConfig(env: Env): FiguresConfig {
  const tick = Number(env.CONCLAVE_FIGURES_TICK_MS ?? 15_000);
  if (!Number.isInteger(tick) || tick < 10) throw new Error(`CONCLAVE_FIGURES_TICK_MS must be a whole number ≥ 10, not "${env.CONCLAVE_FIGURES_TICK_MS}"`);
  const crashAt = testOnly(env, 'CONCLAVE_FIGURES_CRASH_AT');
  return { tickMs: tick, resumeSendNowMs: 30 * 60_000, crashAt };
}

function loadOrganizationsConfig(env: Env): OrganizationsConfig {
  const signup = env.CONCLAVE_SIGNUP ?? '';
  if (signup !== '' && signup !== 'open' && signup !== 'closed') throw new Error(`CONCLAVE_SIGNUP must be open or closed, not "${signup}"`);
  const plan = env.CONCLAVE_DEFAULT_PLAN || 'unlimited';
  if (!isPlanId(plan)) throw new Error(`CONCLAVE_DEFAULT_PLAN must be one of ${planIds.join(', ')}, not "${plan}"`);
  const retentionTickMs = int(env, 'CONCLAVE_RETENTION_TICK_MS', 3_600_000);
  if (retentionTickMs < 10) throw new Error('CONCLAVE_RETENTION_TICK_MS must be at least 10');
  return {
    signupOpen: signup === 'open',
    defaultPlan: plan,
    signupsPerAddressPerHour: Math.max(1, int(env, 'CONCLAVE_SIGNUPS_PER_HOUR', 5)),
    retentionTickMs,
    retentionCrashAt: testOnly(env, 'CONCLAVE_RETENTION_CRASH_AT'),
  };
}

function loadIdeasConfig(env: Env): IdeasConfig {
  const crashAt = testOnly(env, 'CONCLAVE_IDEAS_CRASH_AT');
  if (crashAt !== null && crashAt !== 'after-answer' && crashAt !== 'after-reward' && crashAt !== 'after-merge') {
    throw new Error(`CONCLAVE_IDEAS_CRASH_AT must be after-answer, after-reward or after-merge, not "${crashAt}"`);
  }
  return {
    photoMaxBytes: bytes(env, 'CONCLAVE_PHOTO_MAX_BYTES', 5 * 1024 * 1024),
    quotaBytes: bytes(env, 'CONCLAVE_PHOTO_QUOTA_BYTES', 250 * 1024 * 1024),
    crashAfterAnswer: crashAt === 'after-answer',
    crashAfterReward: crashAt === 'after-reward',
    crashAfterMerge: crashAt === 'after-merge',
    pendingSignups: {
      perBox: Math.max(1, int(env, 'CONCLAVE_PENDING_SIGNUPS_PER_BOX', campaignLimits.pendingSignupsPerBox)),
      onRelay: Math.max(1, int(env, 'CONCLAVE_PENDING_SIGNUPS', campaignLimits.pendingSignupsOnRelay)),
    },
  };
}

function loadMailConfig(env: Env): MailConfig {
  const smtpUrl = env.SMTP_URL === undefined || env.SMTP_URL === '' ? null : env.SMTP_URL;
  if (smtpUrl !== null && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl)) {
    throw new Error('SMTP_URL must look like smtp://user:pass@host:port or smtps://user:pass@host:port');
  }
  const from = env.MAIL_FROM ?? 'Conclave <conclave@localhost>';
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1];
  if (!domain) throw new Error(`MAIL_FROM must hold an address, e.g. "Conclave <conclave@example.com>", not "${from}"`);
  return {
    smtpUrl,
    from,
    maxAttempts: Math.max(1, int(env, 'MAIL_MAX_ATTEMPTS', 8)),
    retryBaseMs: int(env, 'MAIL_RETRY_BASE_MS', 30_000),
    concurrency: Math.max(1, int(env, 'MAIL_CONCURRENCY', 4)),
    inbound: loadInboundMailConfig(env, /<?([^<>\s]+@[^>\s]+)>?\s*$/.exec(from)?.[1] ?? `conclave@${domain}`),
  };
}

function loadInboundMailConfig(env: Env, fromAddress: string): InboundMailConfig | null {
  if (env.MAIL_INBOUND_PORT === undefined || env.MAIL_INBOUND_PORT === '') return null;
  const address = env.MAIL_INBOUND_ADDRESS || fromAddress;
  if (!/^[^@\s+]+@[^@\s]+$/.test(address)) throw new Error(`MAIL_INBOUND_ADDRESS must be a plain address without "+", e.g. reply@example.com, not "${address}"`);
  return {
    port: int(env, 'MAIL_INBOUND_PORT', 2525),
    host: env.MAIL_INBOUND_HOST ?? env.HOST ?? '127.0.0.1',
    address,
    maxBytes: bytes(env, 'MAIL_INBOUND_MAX_BYTES', 256 * 1024),
    perSenderPerHour: Math.max(1, int(env, 'MAIL_INBOUND_PER_HOUR', 30)),
  };
}

/** 32 bytes, as 64 hexadecimal digits or in base64; unset: none. */
function secretKey(raw: string | undefined): Buffer | null {
  if (raw === undefined || raw === '') return null;
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new Error('CONCLAVE_SECRET_KEY must be 32 bytes: 64 hexadecimal digits or 44 characters of base64 (e.g. `openssl rand -hex 32`)');
  return key;
}

function loadSmsConfig(env: Env, secretKey: Buffer | null): SmsConfig {
  const provider = env.SMS_PROVIDER ?? 'outbox';
  if (!isProviderName(provider)) throw new Error(`SMS_PROVIDER must be one of ${smsProviderNames.join(', ')}, not "${provider}"`);
  if (provider === 'smpp' && !env.SMPP_URL) throw new Error('SMS_PROVIDER=smpp needs SMPP_URL (smpp://id:password@host:port)');
  if (provider === 'twilio' && !(env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM)) {
    throw new Error('SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM');
  }
  const budget = env.SMS_MONTHLY_BUDGET_MICROS;
  return {
    provider,
    smppUrl: env.SMPP_URL ?? null,
    smppWindow: Math.max(1, int(env, 'SMPP_WINDOW', 10)),
    sender: env.SMS_SENDER ?? 'Conclave',
    enquireLinkMs: int(env, 'SMPP_ENQUIRE_LINK_MS', 30_000),
    twilio: {
      accountSid: env.TWILIO_ACCOUNT_SID ?? null,
      authToken: env.TWILIO_AUTH_TOKEN ?? null,
      from: env.TWILIO_FROM ?? null,
      baseUrl: env.TWILIO_BASE_URL ?? 'https://api.twilio.com',
    },
    webhookBaseUrl: env.SMS_WEBHOOK_BASE_URL ?? env.CONCLAVE_PUBLIC_URL ?? null,
    pricePerSegmentMicros: int(env, 'SMS_PRICE_PER_SEGMENT_MICROS', 72_500),
    monthlyBudgetMicros: budget === undefined || budget === '' ? null : int(env, 'SMS_MONTHLY_BUDGET_MICROS', 0),
    quietStart: env.SMS_QUIET_START ?? '21:00',
    quietEnd: env.SMS_QUIET_END ?? '08:00',
    timeZone: env.SMS_TIME_ZONE ?? 'Europe/Paris',
    maxAttempts: Math.max(1, int(env, 'SMS_MAX_ATTEMPTS', 6)),
    retryBaseMs: int(env, 'SMS_RETRY_BASE_MS', 5_000),
    unconfirmedGraceMs: int(env, 'SMS_UNCONFIRMED_GRACE_MS', 15 * 60_000),
    validityMs: int(env, 'SMS_VALIDITY_MS', 48 * 3_600_000),
    senderDailyLimit: int(env, 'SMS_SENDER_DAILY_LIMIT', 5_000),
    confirmationsPerNumberDaily: int(env, 'SMS_CONFIRMATIONS_PER_NUMBER_DAILY', 3),
    confirmationsUnknownDaily: int(env, 'SMS_CONFIRMATIONS_UNKNOWN_DAILY', 20),
    accounts: {
      max: int(env, 'SMS_MAX_ACCOUNTS', 50),
      // A relay open to sign-ups connects to no host an organisation names unless its operator lists them.
      smppHosts: env.SMS_ACCOUNT_HOSTS
        ? env.SMS_ACCOUNT_HOSTS.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean)
        : env.CONCLAVE_SIGNUP === 'open'
          ? []
          : null,
      secretKey,
    },
  };
}
