import { ErrorCode } from '#core/api/errors';
import { authenticate, type Caller } from '../accounts/sessions.ts';
import { hashSecret, newSecret } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { Refusal } from '../errors.ts';
import { holdsRight } from '../organizations/rights.ts';

/**
 * Who may work on daily figures.
 * - A controller: an organisation admin, a person an admin gave the controller
 *   capability (`figure_controllers`), or a member of a group granted the right
 *   (core/people/rights.ts `controlFigures`). Controllers define figures, enter values,
 *   build lists, preview, send and schedule.
 * - An ERP, with an API key of scope `figures:write` limited to named figures: it may
 *   only write values of those figures (`Authorization: Bearer cfk_…`). Keys are
 *   stored as their SHA-256 hash; the key itself is shown once, when created.
 */
export const apiKeyPrefix = 'cfk_';

export type FiguresWriter =
  | { kind: 'person'; caller: Caller }
  | { kind: 'key'; keyId: string; orgId: string; figureIds: string[]; name: string };

export async function isController(ctx: Context, caller: Caller): Promise<boolean> {
  if (caller.guest) return false;
  if (caller.role === 'admin') return true;
  const row = await ctx.db.get('SELECT 1 AS one FROM figure_controllers WHERE org_id = ? AND user_id = ?', [caller.orgId, caller.id]);
  return row !== undefined || (await holdsRight(ctx, caller, 'controlFigures'));
}

/** The signed-in controller behind a request, or 403. */
export async function requireController(ctx: Context, authorization: string | undefined): Promise<Caller> {
  const caller = await authenticate(ctx, authorization);
  if (!(await isController(ctx, caller))) {
    throw new Refusal(ErrorCode.forbidden, 'Only a controller (an administrator, or a person given the controller role) may do this.');
  }
  return caller;
}

/** A controller, or an ERP's key, writing values. */
export async function valuesWriter(ctx: Context, authorization: string | undefined): Promise<FiguresWriter> {
  const key = /^Bearer (cfk_[A-Za-z0-9_-]{20,200})$/.exec(authorization ?? '')?.[1];
  if (!key) return { kind: 'person', caller: await requireController(ctx, authorization) };
  const row = await ctx.db.get<{ id: string; org_id: string; figure_ids: string; name: string }>(
    'SELECT id, org_id, figure_ids, name FROM figure_api_keys WHERE key_hash = ? AND revoked_at IS NULL',
    [hashSecret(key)],
  );
  if (!row) throw new Refusal(ErrorCode.unauthenticated, 'This API key is unknown or was revoked.');
  await ctx.db.run('UPDATE figure_api_keys SET last_used_at = ? WHERE id = ?', [ctx.now().toISOString(), row.id]);
  return { kind: 'key', keyId: row.id, orgId: row.org_id, figureIds: JSON.parse(row.figure_ids) as string[], name: row.name };
}

export function writerOrg(writer: FiguresWriter): string {
  return writer.kind === 'person' ? writer.caller.orgId : writer.orgId;
}

export function writerName(writer: FiguresWriter): string {
  return writer.kind === 'person' ? writer.caller.id : `key:${writer.keyId}`;
}

/** A key may write only the figures it names. */
export function requireFigureScope(writer: FiguresWriter, figureId: string) {
  if (writer.kind === 'key' && !writer.figureIds.includes(figureId)) {
    throw new Refusal(ErrorCode.forbidden, `The API key "${writer.name}" may not write this figure (scope figures:write on other figures).`);
  }
}

export function newApiKey(): string {
  return `${apiKeyPrefix}${newSecret()}`;
}
