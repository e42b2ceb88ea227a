import { createHash } from 'node:crypto';
import { ErrorCode } from '#core/api/errors';
import type { SmsAccountInput, SmsAccountView } from '#core/api/sms';
import type { SmsConfig } from '../config.ts';
import { Refusal } from '../errors.ts';
import type { Queries } from '../store/db.ts';
import { seal, unseal } from './sealed.ts';

/**
 * Organisations' own provider accounts (README "SMS across organisations"), as stored in
 * `sms_accounts`. The secret goes in and never comes out through the API: `accountView`
 * says only whether it is set. It is sealed with CONCLAVE_SECRET_KEY when the relay has one.
 */
/** Twilio sends from a number of the account: the organisation's sender must be it. */
export const twilioNeedsSender = "A Twilio account needs the organisation's sender: the Twilio number its SMS go from.";

export type OrgAccount =
  | { provider: 'smpp'; host: string; port: number; systemId: string; password: string }
  | { provider: 'twilio'; accountSid: string; authToken: string };

interface AccountRow {
  org_id: string;
  provider: 'smpp' | 'twilio';
  smpp_host: string | null;
  smpp_port: number | null;
  smpp_system_id: string | null;
  twilio_account_sid: string | null;
  secret: string;
}

/** A secret sealed with another key (or none now) reads as unset: its administrator types it again. */
function fromRow(row: AccountRow, key: Buffer | null): OrgAccount {
  const secret = unseal(row.secret, key) ?? '';
  return row.provider === 'smpp'
    ? { provider: 'smpp', host: row.smpp_host ?? '', port: row.smpp_port ?? 2775, systemId: row.smpp_system_id ?? '', password: secret }
    : { provider: 'twilio', accountSid: row.twilio_account_sid ?? '', authToken: secret };
}

export function accountView(account: OrgAccount | null): SmsAccountView | null {
  if (!account) return null;
  return account.provider === 'smpp'
    ? { provider: 'smpp', host: account.host, port: account.port, systemId: account.systemId, passwordSet: account.password !== '' }
    : { provider: 'twilio', accountSid: account.accountSid, authTokenSet: account.authToken !== '' };
}

/** Who the account is at the far end (not its secret): provider ids it hands out are its own. */
export function accountIdentity(account: OrgAccount): string {
  return account.provider === 'smpp' ? `smpp:${account.host.toLowerCase()}:${account.port}:${account.systemId}` : `twilio:${account.accountSid}`;
}

/** One link per distinct account: the same identity with the same secret. Another secret is another link. */
export function accountKey(account: OrgAccount): string {
  const secret = account.provider === 'smpp' ? account.password : account.authToken;
  return createHash('sha256').update(`${accountIdentity(account)}\n${secret}`).digest('hex').slice(0, 24);
}

export async function accountOf(db: Queries, config: SmsConfig, orgId: string): Promise<OrgAccount | null> {
  const row = await db.get<AccountRow>('SELECT * FROM sms_accounts WHERE org_id = ?', [orgId]);
  return row ? fromRow(row, config.accounts.secretKey) : null;
}

/** Every organisation's own account, for the provider pool. */
export async function allAccounts(db: Queries, config: SmsConfig): Promise<{ orgId: string; account: OrgAccount }[]> {
  const rows = await db.all<AccountRow>('SELECT * FROM sms_accounts ORDER BY org_id');
  return rows.map((row) => ({ orgId: row.org_id, account: fromRow(row, config.accounts.secretKey) }));
}

/**
 * Sets (or, with null, removes) an organisation's own account, in the caller's
 * transaction. A secret left out keeps the stored one if the account is the same kind;
 * a new account without its secret is refused. Refusals change nothing.
 */
export async function saveAccount(
  tx: Queries,
  config: SmsConfig,
  orgId: string,
  input: SmsAccountInput | null,
  sender: string | null,
  by: string,
  at: string,
): Promise<void> {
  if (input === null) {
    await tx.run('DELETE FROM sms_accounts WHERE org_id = ?', [orgId]);
    return;
  }
  const stored = await accountOf(tx, config, orgId);
  const kept = stored?.provider === input.provider ? (stored.provider === 'smpp' ? stored.password : stored.authToken) : null;
  const secret = (input.provider === 'smpp' ? input.password : input.authToken) ?? kept;
  if (!secret) {
    throw new Refusal(ErrorCode.validation, input.provider === 'smpp' ? 'The SMPP password is required for a new account.' : 'The Twilio auth token is required for a new account.');
  }
  if (input.provider === 'smpp' && config.accounts.smppHosts && !config.accounts.smppHosts.includes(input.host.toLowerCase())) {
    const allowed = config.accounts.smppHosts;
    throw new Refusal(
      ErrorCode.validation,
      allowed.length === 0
        ? `This relay does not connect to ${input.host}: its operator allows no SMPP host of an organisation's own (SMS_ACCOUNT_HOSTS).`
        : `This relay does not connect to ${input.host}: its operator allows ${allowed.join(', ')}.`,
    );
  }
  if (input.provider === 'twilio' && !sender) {
    throw new Refusal(ErrorCode.validation, twilioNeedsSender);
  }
  const account: OrgAccount = input.provider === 'smpp' ? { ...input, password: secret } : { ...input, authToken: secret };
  const others = await allAccounts(tx, config);
  const keys = new Set(others.filter((o) => o.orgId !== orgId).map((o) => accountKey(o.account)));
  if (!keys.has(accountKey(account)) && keys.size >= config.accounts.max) {
    throw new Refusal(ErrorCode.conflict, `This relay links to at most ${config.accounts.max} provider accounts: use the relay's, or ask its operator.`);
  }
  await tx.run(
    `INSERT INTO sms_accounts (org_id, provider, smpp_host, smpp_port, smpp_system_id, twilio_account_sid, secret, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (org_id) DO UPDATE SET provider = excluded.provider, smpp_host = excluded.smpp_host, smpp_port = excluded.smpp_port,
       smpp_system_id = excluded.smpp_system_id, twilio_account_sid = excluded.twilio_account_sid, secret = excluded.secret,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [
      orgId,
      account.provider,
      account.provider === 'smpp' ? account.host : null,
      account.provider === 'smpp' ? account.port : null,
      account.provider === 'smpp' ? account.systemId : null,
      account.provider === 'twilio' ? account.accountSid : null,
      seal(secret, config.accounts.secretKey),
      at,
      by,
    ],
  );
}
