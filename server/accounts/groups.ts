import type { CreateGroupRequest, Group } from '#core/api/users';
import { noticeGroupJoiners } from '../activities/members.ts';
import { newId } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { refuseGuestsAmong } from './guests.ts';
import { refuseGuests, type Caller } from './sessions.ts';

async function checkPeople(ctx: Context, orgId: string, members: string[]) {
  const unique = [...new Set(members)];
  if (unique.length === 0) return unique;
  const rows = await ctx.db.all<{ id: string }>(
    `SELECT id FROM users WHERE org_id = ? AND id IN (${unique.map(() => '?').join(',')})`,
    [orgId, ...unique],
  );
  const known = new Set(rows.map((r) => r.id));
  const unknown = unique.filter((id) => !known.has(id));
  if (unknown.length > 0) throw badRequest(`No such person: ${unknown.join(', ')}.`);
  await refuseGuestsAmong(ctx.db, orgId, unique, 'join a group');
  return unique;
}

export async function createGroup(ctx: Context, caller: Caller, input: CreateGroupRequest) {
  const members = await checkPeople(ctx, caller.orgId, input.members);
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    if (await tx.get('SELECT 1 AS one FROM groups WHERE org_id = ? AND name = ?', [caller.orgId, input.name])) {
      throw conflict(`A group named "${input.name}" already exists.`);
    }
    await tx.run('INSERT INTO groups (id, org_id, name, created_at) VALUES (?, ?, ?, ?)', [
      id,
      caller.orgId,
      input.name,
      ctx.now().toISOString(),
    ]);
    for (const userId of members) await tx.run('INSERT INTO group_members (group_id, user_id) VALUES (?, ?)', [id, userId]);
  });
  return { id };
}

/** Activities a group takes part in: their access changes with the group's members (or its deletion). */
const activitiesOf = async (ctx: Context, groupId: string) =>
  (await ctx.db.all<{ activity_id: string }>("SELECT activity_id FROM activity_members WHERE subject_kind = 'group' AND subject_id = ?", [groupId])).map(
    (r) => r.activity_id,
  );

async function accessChanged(ctx: Context, activities: string[]) {
  for (const id of activities) await ctx.events.accessChanged(id);
}

export async function setGroupMembers(ctx: Context, caller: Caller, groupId: string, members: string[]) {
  await getGroup(ctx, caller, groupId);
  const unique = await checkPeople(ctx, caller.orgId, members);
  const told = await ctx.db.transaction(async (tx) => {
    const before = new Set((await tx.all<{ user_id: string }>('SELECT user_id FROM group_members WHERE group_id = ?', [groupId])).map((r) => r.user_id));
    await tx.run('DELETE FROM group_members WHERE group_id = ?', [groupId]);
    for (const userId of unique) await tx.run('INSERT INTO group_members (group_id, user_id) VALUES (?, ?)', [groupId, userId]);
    return noticeGroupJoiners(tx, caller, groupId, unique.filter((id) => !before.has(id)), ctx.now().toISOString());
  });
  await accessChanged(ctx, await activitiesOf(ctx, groupId));
  if (told > 0) ctx.events.noticesPending();
  return getGroup(ctx, caller, groupId);
}

/** One more person in the group, told of the group's running activities (activities/members.ts); adding someone already in it changes nothing. */
export async function addGroupMember(ctx: Context, caller: Caller, groupId: string, userId: string) {
  await getGroup(ctx, caller, groupId);
  await checkPeople(ctx, caller.orgId, [userId]);
  const told = await ctx.db.transaction(async (tx) => {
    const joined = await tx.run('INSERT INTO group_members (group_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING', [groupId, userId]);
    return joined.changes === 1 ? noticeGroupJoiners(tx, caller, groupId, [userId], ctx.now().toISOString()) : 0;
  });
  await accessChanged(ctx, await activitiesOf(ctx, groupId));
  if (told > 0) ctx.events.noticesPending();
  return getGroup(ctx, caller, groupId);
}

/** One person out of the group; their access through it ends at once (live sockets are judged again). */
export async function removeGroupMember(ctx: Context, caller: Caller, groupId: string, userId: string) {
  await getGroup(ctx, caller, groupId);
  const { changes } = await ctx.db.run('DELETE FROM group_members WHERE group_id = ? AND user_id = ?', [groupId, userId]);
  if (changes === 0) throw notFound('group member');
  await accessChanged(ctx, await activitiesOf(ctx, groupId));
  return getGroup(ctx, caller, groupId);
}

export async function renameGroup(ctx: Context, caller: Caller, groupId: string, name: string) {
  await getGroup(ctx, caller, groupId);
  await ctx.db.transaction(async (tx) => {
    if (await tx.get('SELECT 1 AS one FROM groups WHERE org_id = ? AND name = ? AND id <> ?', [caller.orgId, name, groupId])) {
      throw conflict(`A group named "${name}" already exists.`);
    }
    await tx.run('UPDATE groups SET name = ? WHERE id = ?', [name, groupId]);
  });
  return getGroup(ctx, caller, groupId);
}

/** The group goes, and with it every role it gave in activities; people named directly keep theirs. */
export async function deleteGroup(ctx: Context, caller: Caller, groupId: string) {
  await getGroup(ctx, caller, groupId);
  const activities = await activitiesOf(ctx, groupId);
  await ctx.db.transaction(async (tx) => {
    await tx.run("DELETE FROM activity_members WHERE subject_kind = 'group' AND subject_id = ?", [groupId]);
    await tx.run('DELETE FROM group_members WHERE group_id = ?', [groupId]);
    await tx.run('DELETE FROM groups WHERE id = ?', [groupId]);
  });
  await accessChanged(ctx, activities);
}

export async function getGroup(ctx: Context, caller: Caller, id: string): Promise<Group> {
  refuseGuests(caller);
  const row = await ctx.db.get<{ id: string; name: string }>('SELECT id, name FROM groups WHERE id = ? AND org_id = ?', [
    id,
    caller.orgId,
  ]);
  if (!row) throw notFound('group');
  const members = await ctx.db.all<{ user_id: string }>('SELECT user_id FROM group_members WHERE group_id = ?', [id]);
  return { id: row.id, name: row.name, members: members.map((m) => m.user_id) };
}

export async function listGroups(ctx: Context, caller: Caller): Promise<Group[]> {
  refuseGuests(caller);
  const rows = await ctx.db.all<{ id: string; name: string; members: string | null }>(
    `SELECT g.id, g.name, string_agg(m.user_id, ',') AS members FROM groups g
       LEFT JOIN group_members m ON m.group_id = g.id WHERE g.org_id = ? GROUP BY g.id ORDER BY lower(g.name)`,
    [caller.orgId],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, members: r.members ? r.members.split(',') : [] }));
}
