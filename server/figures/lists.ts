import type { CreateListRequest, Exclusion, RecipientList } from '#core/api/figures';
import type { Caller } from '../accounts/sessions.ts';
import { refuseGuestsAmong } from '../accounts/guests.ts';
import { newId } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { consentState } from '../sms/consent.ts';
import type { Queries } from '../store/db.ts';

/** Recipient lists: people and groups, expanded at the moment of sending. */
export interface Recipient {
  userId: string;
  name: string;
  phone: string | null;
  /** Why the SMS gateway would refuse this person, or null. */
  excluded: Exclusion | null;
}

async function checkSubjects(ctx: Context, orgId: string, table: 'users' | 'groups', ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const rows = await ctx.db.all<{ id: string }>(
    `SELECT id FROM ${table} WHERE org_id = ? AND id IN (${unique.map(() => '?').join(',')})`,
    [orgId, ...unique],
  );
  const known = new Set(rows.map((r) => r.id));
  const unknown = unique.filter((id) => !known.has(id));
  if (unknown.length > 0) throw badRequest(`No such ${table === 'users' ? 'person' : 'group'}: ${unknown.join(', ')}.`);
  if (table === 'users') await refuseGuestsAmong(ctx.db, orgId, unique, 'be on a recipient list');
  return unique;
}

async function writeMembers(tx: Queries, listId: string, members: string[], groups: string[]) {
  await tx.run('DELETE FROM figure_list_members WHERE list_id = ?', [listId]);
  for (const id of members) await tx.run("INSERT INTO figure_list_members (list_id, subject_kind, subject_id) VALUES (?, 'user', ?)", [listId, id]);
  for (const id of groups) await tx.run("INSERT INTO figure_list_members (list_id, subject_kind, subject_id) VALUES (?, 'group', ?)", [listId, id]);
}

export async function createList(ctx: Context, caller: Caller, input: CreateListRequest): Promise<{ id: string }> {
  const members = await checkSubjects(ctx, caller.orgId, 'users', input.members);
  const groups = await checkSubjects(ctx, caller.orgId, 'groups', input.groups);
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    if (await tx.get('SELECT 1 AS one FROM figure_lists WHERE org_id = ? AND name = ?', [caller.orgId, input.name])) {
      throw conflict(`A list named "${input.name}" already exists.`);
    }
    await tx.run('INSERT INTO figure_lists (id, org_id, name, created_by, created_at) VALUES (?, ?, ?, ?, ?)', [
      id,
      caller.orgId,
      input.name,
      caller.id,
      ctx.now().toISOString(),
    ]);
    await writeMembers(tx, id, members, groups);
  });
  return { id };
}

export async function updateList(ctx: Context, caller: Caller, id: string, input: CreateListRequest): Promise<RecipientList> {
  await getList(ctx, caller.orgId, id);
  const members = await checkSubjects(ctx, caller.orgId, 'users', input.members);
  const groups = await checkSubjects(ctx, caller.orgId, 'groups', input.groups);
  await ctx.db.transaction(async (tx) => {
    if (await tx.get('SELECT 1 AS one FROM figure_lists WHERE org_id = ? AND name = ? AND id <> ?', [caller.orgId, input.name, id])) {
      throw conflict(`A list named "${input.name}" already exists.`);
    }
    await tx.run('UPDATE figure_lists SET name = ? WHERE id = ?', [input.name, id]);
    await writeMembers(tx, id, members, groups);
  });
  return getList(ctx, caller.orgId, id);
}

export async function getList(ctx: Context, orgId: string, id: string): Promise<RecipientList> {
  const row = await ctx.db.get<{ id: string; name: string }>('SELECT id, name FROM figure_lists WHERE id = ? AND org_id = ?', [id, orgId]);
  if (!row) throw notFound('list');
  const subjects = await ctx.db.all<{ subject_kind: string; subject_id: string }>(
    'SELECT subject_kind, subject_id FROM figure_list_members WHERE list_id = ? ORDER BY rowid',
    [id],
  );
  return {
    id: row.id,
    name: row.name,
    members: subjects.filter((s) => s.subject_kind === 'user').map((s) => s.subject_id),
    groups: subjects.filter((s) => s.subject_kind === 'group').map((s) => s.subject_id),
  };
}

export async function listLists(ctx: Context, orgId: string): Promise<RecipientList[]> {
  const rows = await ctx.db.all<{ id: string }>('SELECT id FROM figure_lists WHERE org_id = ? ORDER BY lower(name)', [orgId]);
  const out: RecipientList[] = [];
  for (const row of rows) out.push(await getList(ctx, orgId, row.id));
  return out;
}

/** Everyone a list reaches now (people, and members of its groups), once each, by name. */
export async function recipientsOf(db: Queries, orgId: string, listId: string): Promise<Recipient[]> {
  const rows = await db.all<{ id: string; name: string; phone: string | null }>(
    `SELECT u.id, u.name, u.phone FROM users u
      WHERE u.org_id = ? AND u.disabled_at IS NULL AND u.id IN (
        SELECT subject_id FROM figure_list_members WHERE list_id = ? AND subject_kind = 'user'
        UNION SELECT gm.user_id FROM figure_list_members m JOIN group_members gm ON gm.group_id = m.subject_id
         WHERE m.list_id = ? AND m.subject_kind = 'group')
      ORDER BY lower(u.name)`,
    [orgId, listId, listId],
  );
  const out: Recipient[] = [];
  for (const r of rows) {
    // The gateway's own consent record decides, as it will when sending.
    const consent = r.phone ? await consentState(db, orgId, r.phone) : null;
    const excluded = !r.phone ? 'no_phone' : consent === 'out' ? 'opted_out' : consent === 'in' ? null : 'no_opt_in';
    out.push({ userId: r.id, name: r.name, phone: r.phone, excluded });
  }
  return out;
}
