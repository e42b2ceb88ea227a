import {
  EmailChangeRequest,
  EraseMeRequest,
  exportsPerHour,
  PasswordResetConfirm,
  PasswordResetRequest,
  PhoneChangeRequest,
  PhoneConfirmRequest,
  UpdateProfileRequest,
} from '#core/api/people';
import { ErrorCode } from '#core/api/errors';
import { authenticate, deviceOf, requireAdmin, type Caller } from '../accounts/sessions.ts';
import { Refusal } from '../errors.ts';
import { eraseMyAccount, erasePerson } from './erase.ts';
import { exportPerson } from './export.ts';
import { addressKey } from '../accounts/sign-in-throttle.ts';
import type { Context } from '../context.ts';
import { readJson, readNoBody } from '../http/body.ts';
import type { Reply, Request, Router } from '../http/router.ts';
import { ResetRates, completePasswordReset, previewPasswordReset, requestPasswordReset } from './password-resets.ts';
import { ProfileRates, confirmEmailChange, confirmPhoneChange, requestEmailChange, requestPhoneChange, updateProfile } from './profile.ts';
import { listSessions, revokeOtherSessions, revokeSession } from './sessions.ts';

/** A person's own account: forgotten password, profile, sessions (schemas and rules: core/api/people.ts). */
export function peopleRoutes(router: Router, ctx: Context) {
  const resets = new ResetRates(ctx.rates);
  const profile = new ProfileRates(ctx.rates);
  const caller = (req: Request) => authenticate(ctx, req.raw.headers.authorization);
  const param = (req: Request, name: string) => req.params[name] ?? '';
  const exports = ctx.rates.window('people.exports', exportsPerHour, 3_600_000);
  const download = async (me: Caller, userId: string): Promise<Reply> => {
    const wait = await exports.take(me.id, ctx.now().getTime());
    if (wait > 0) throw new Refusal(ErrorCode.rateLimited, `At most ${exportsPerHour} exports an hour: try again in ${wait} s.`, undefined, { 'retry-after': String(wait) });
    const data = await exportPerson(ctx, me, userId);
    return {
      raw: JSON.stringify(data, null, 2),
      contentType: 'application/json; charset=utf-8',
      headers: { 'content-disposition': `attachment; filename="conclave-${data.person.id}.json"` },
    };
  };
  router
    .on('POST', '/api/password-resets', async (req) => {
      const { email } = await readJson(req.raw, PasswordResetRequest);
      await resets.take(addressKey(req.address), email, ctx.now().getTime());
      await requestPasswordReset(ctx, email);
      return { status: 202, body: {} };
    })
    .on('GET', '/api/password-resets/:token', async (req) => ({ body: await previewPasswordReset(ctx, param(req, 'token')) }))
    .on('POST', '/api/password-resets/:token', async (req) => {
      const { password } = await readJson(req.raw, PasswordResetConfirm);
      return { status: 201, body: await completePasswordReset(ctx, param(req, 'token'), password, deviceOf(req.raw.headers['user-agent'])) };
    })
    .on('PATCH', '/api/me', async (req) => {
      const me = await caller(req);
      return { body: await updateProfile(ctx, me, await readJson(req.raw, UpdateProfileRequest)) };
    })
    .on('POST', '/api/me/email', async (req) => {
      const me = await caller(req);
      return { status: 202, body: await requestEmailChange(ctx, profile, me, await readJson(req.raw, EmailChangeRequest), req.address) };
    })
    .on('POST', '/api/email-changes/:token', async (req) => {
      await readNoBody(req.raw);
      return { body: await confirmEmailChange(ctx, param(req, 'token')) };
    })
    .on('POST', '/api/me/phone', async (req) => {
      const me = await caller(req);
      const result = await requestPhoneChange(ctx, profile, me, await readJson(req.raw, PhoneChangeRequest), req.raw.socket.remoteAddress);
      return { status: 'id' in result ? 200 : 202, body: result };
    })
    .on('POST', '/api/me/phone/confirm', async (req) => {
      const me = await caller(req);
      const { code } = await readJson(req.raw, PhoneConfirmRequest);
      return { body: await confirmPhoneChange(ctx, me, code) };
    })
    .on('GET', '/api/me/sessions', async (req) => ({ body: { sessions: await listSessions(ctx, await caller(req)) } }))
    .on('DELETE', '/api/me/sessions/:id', async (req) => {
      await revokeSession(ctx, await caller(req), param(req, 'id'));
      return {};
    })
    .on('POST', '/api/me/sessions/revoke-others', async (req) => {
      const me = await caller(req);
      await readNoBody(req.raw);
      return { body: { revoked: await revokeOtherSessions(ctx, me) } };
    })
    .on('GET', '/api/me/export', async (req) => {
      const me = await caller(req);
      return download(me, me.id);
    })
    .on('POST', '/api/me/erasure', async (req) => {
      const me = await caller(req);
      const { password } = await readJson(req.raw, EraseMeRequest);
      return { body: await eraseMyAccount(ctx, me, password, req.address) };
    })
    .on('GET', '/api/users/:id/export', async (req) => {
      const me = await caller(req);
      requireAdmin(me);
      return download(me, param(req, 'id'));
    })
    .on('POST', '/api/users/:id/erase', async (req) => {
      const me = await caller(req);
      requireAdmin(me);
      await readNoBody(req.raw);
      return { body: await erasePerson(ctx, me, param(req, 'id')) };
    });
}
