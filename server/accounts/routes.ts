import { SetupRequest, SignInRequest } from '#core/api/auth';
import { AddGroupMemberRequest, ChangePasswordRequest, CreateGroupRequest, CreateUserRequest, GroupMembersRequest, RenameGroupRequest, UpdateUserRequest } from '#core/api/users';
import { addGroupMember, createGroup, deleteGroup, getGroup, listGroups, removeGroupMember, renameGroup, setGroupMembers } from './groups.ts';
import { authenticate, deviceOf, requireAdmin, revokeSessions, signOut } from './sessions.ts';
import { isSetUp, setUp } from './setup.ts';
import { signIn } from './sign-in.ts';
import { changePassword, createUser, getUser, listUsers, meOf, updateUser } from './users.ts';
import type { Context } from '../context.ts';
import { readJson, readNoBody } from '../http/body.ts';
import type { Router } from '../http/router.ts';

export function accountRoutes(router: Router, ctx: Context) {
  const caller = (req: { raw: { headers: { authorization?: string } } }) =>
    authenticate(ctx, req.raw.headers.authorization);

  router
    .on('GET', '/api/setup', async () => ({ body: { setUp: await isSetUp(ctx) } }))
    .on('POST', '/api/setup', async (req) => {
      const { token, expiresAt } = await setUp(ctx, await readJson(req.raw, SetupRequest), deviceOf(req.raw.headers['user-agent']));
      return { status: 201, body: { token, expiresAt } };
    })
    .on('POST', '/api/session', async (req) => {
      return { status: 201, body: await signIn(ctx, await readJson(req.raw, SignInRequest), { address: req.address, headers: req.raw.headers }) };
    })
    .on('DELETE', '/api/session', async (req) => {
      await signOut(ctx, req.raw.headers.authorization);
      return {};
    })
    .on('GET', '/api/me', async (req) => {
      return { body: await meOf(ctx, await caller(req)) };
    })
    .on('POST', '/api/me/password', async (req) => {
      const me = await caller(req);
      const input = await readJson(req.raw, ChangePasswordRequest);
      await changePassword(ctx, me, { address: req.address, headers: req.raw.headers }, input.current, input.password);
      return {};
    })
    // `?include=disabled`: administrators also see who is disabled (the People screen).
    .on('GET', '/api/users', async (req) => ({ body: { users: await listUsers(ctx, await caller(req), req.query.get('include') === 'disabled') } }))
    .on('POST', '/api/users', async (req) => {
      const me = await caller(req);
      requireAdmin(me);
      return { status: 201, body: await createUser(ctx, me, await readJson(req.raw, CreateUserRequest)) };
    })
    .on('GET', '/api/users/:id', async (req) => ({ body: await getUser(ctx, await caller(req), req.params.id ?? '') }))
    .on('PATCH', '/api/users/:id', async (req) => {
      const me = await caller(req);
      requireAdmin(me);
      return { body: await updateUser(ctx, me, req.params.id ?? '', await readJson(req.raw, UpdateUserRequest)) };
    })
    .on('POST', '/api/users/:id/revoke-sessions', async (req) => {
      const me = await caller(req);
      requireAdmin(me);
      await readNoBody(req.raw);
      await getUser(ctx, me, req.params.id ?? '');
      return { body: { revoked: await revokeSessions(ctx, req.params.id ?? '') } };
    })
    .on('GET', '/api/groups', async (req) => ({ body: { groups: await listGroups(ctx, await caller(req)) } }))
    .on('POST', '/api/groups', async (req) => {
      const me = await caller(req);
      requireAdmin(me);
      return { status: 201, body: await createGroup(ctx, me, await readJson(req.raw, CreateGroupRequest)) };
    })
    .on('GET', '/api/groups/:id', async (req) => ({ body: await getGroup(ctx, await caller(req), req.params.id ?? '') }))
    .on('PUT', '/api/groups/:id/members', async (req) => {
      const me = await caller(req);
      requireAdmin(me);
      const { members } = await readJson(req.raw, GroupMembersRequest);
      return { body: await setGroupMembers(ctx, me, req.params.id ?? '', members) };
    })
    .on('PATCH', '/api/groups/:id', async (req) => {
      const me = await caller(req);
      requireAdmin(me);
      const { name } = await readJson(req.raw, RenameGroupRequest);
      return { body: await renameGroup(ctx, me, req.params.id ?? '', name) };
    })
    .on('DELETE', '/api/groups/:id', async (req) => {
      const me = await caller(req);
      requireAdmin(me);
      await readNoBody(req.raw);
      await deleteGroup(ctx, me, req.params.id ?? '');
      return {};
    })
    .on('POST', '/api/groups/:id/members', async (req) => {
      const me = await caller(req);
      requireAdmin(me);
      const { userId } = await readJson(req.raw, AddGroupMemberRequest);
      return { body: await addGroupMember(ctx, me, req.params.id ?? '', userId) };
    })
    .on('DELETE', '/api/groups/:id/members/:userId', async (req) => {
      const me = await caller(req);
      requireAdmin(me);
      await readNoBody(req.raw);
      return { body: await removeGroupMember(ctx, me, req.params.id ?? '', req.params.userId ?? '') };
    });
}
