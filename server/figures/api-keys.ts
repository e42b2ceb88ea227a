import type { ApiKeyView } from '#core/api/figures';
import type { Caller } from '../accounts/sessions.ts';
import { hashSecret, newId } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { badRequest, notFound } from '../errors.ts';
import { newApiKey } from './access.ts';

/** ERP keys (scope `figures:write` on named figures); admins create and revoke them. */
export async function createApiKey(ctx: Context, admin: Caller, name: string, figureIds: string[]): Promise<{ id: string; key: string }> {
  const unique = [...new Set(figureIds)];
  const known = await ctx.db.all<{ id: string }>(
    `SELECT id FROM figures WHERE org_id = ? AND id IN (${unique.map(() => '?').join(',')})`,
    [admin.orgId, ...unique],
  );
  const missing = unique.filter((id) => !known.some((k) => k.id === id));
  if (missing.length > 0) throw badRequest(`No such figure: ${missing.join(', ')}.`);
  const id = newId();
  const key = newApiKey();
  await ctx.db.run(
    `INSERT INTO figure_api_keys (id, org_id, name, key_hash, scope, figure_ids, created_by, created_at) VALUES (?, ?, ?, ?, 'figures:write', ?, ?, ?)`,
    [id, admin.orgId, name, hashSecret(key), JSON.stringify(unique), admin.id, ctx.now().toISOString()],
  );
  return { id, key };
}

export async function listApiKeys(ctx: Context, orgId: string): Promise<ApiKeyView[]> {
  const rows = await ctx.db.all<{ id: string; name: string; figure_ids: string; created_at: string; revoked_at: string | null; last_used_at: string | null }>(
    'SELECT id, name, figure_ids, created_at, revoked_at, last_used_at FROM figure_api_keys WHERE org_id = ? ORDER BY created_at',
    [orgId],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    scope: 'figures:write' as const,
    figureIds: JSON.parse(r.figure_ids) as string[],
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
  }));
}

export async function revokeApiKey(ctx: Context, orgId: string, id: string): Promise<void> {
  const result = await ctx.db.run('UPDATE figure_api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND org_id = ?', [
    ctx.now().toISOString(),
    id,
    orgId,
  ]);
  if (result.changes === 0) throw notFound('API key');
}
