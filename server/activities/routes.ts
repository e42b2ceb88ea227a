import {
  ActivityListQuery,
  HistoryQuery,
  AddMemberRequest,
  ChangeRoleRequest,
  CreateActivityRequest,
  UpdateActivityRequest,
} from '#core/api/activities';
import { activityFor, createActivity, listActivities, updateActivity } from './activities.ts';
import { addMember, changeMemberRole, listActivityPeople, listMembers, removeMember } from './members.ts';
import { TicketRate } from './ticket-rate.ts';
import { issueTicket, TicketPruning } from './tickets.ts';
import { activityHistory } from './history.ts';
import { authenticate } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { readJson, readNoBody } from '../http/body.ts';
import { validate } from '../validate.ts';
import { badRequest } from '../errors.ts';
import type { Request, Router } from '../http/router.ts';

function subjectKind(raw: string | undefined): 'user' | 'group' {
  if (raw === 'users') return 'user';
  if (raw === 'groups') return 'group';
  throw badRequest('Members are addressed as /members/users/:id or /members/groups/:id.');
}

/**
 * The origin clients reach the relay at, for the sync URL handed out with tickets: the
 * configured public URL, or the listening address — never the request's Host header,
 * which anyone may set (`Host: evil.example` would hand out `ws://evil.example/sync`).
 */
export function originOf(ctx: Context): string {
  return (ctx.config.publicUrl ?? `http://${ctx.config.host}:${ctx.config.port}`).replace(/\/$/, '');
}

export function activityRoutes(router: Router, ctx: Context) {
  const caller = (req: Request) => authenticate(ctx, req.raw.headers.authorization);
  const id = (req: Request) => req.params.id ?? '';
  /** Tickets per person per minute (rule C4): this relay's own count, measured in real time. */
  const tickets = { rate: new TicketRate(ctx.rates, ctx.config.sync.ticketsPerMinute), pruning: new TicketPruning() };

  router
    .on('GET', '/api/activities', async (req) => {
      const filter = validate(ActivityListQuery, Object.fromEntries(req.query));
      return { body: { activities: await listActivities(ctx, await caller(req), filter) } };
    })
    .on('POST', '/api/activities', async (req) => {
      const me = await caller(req);
      return { status: 201, body: await createActivity(ctx, me, await readJson(req.raw, CreateActivityRequest)) };
    })
    .on('GET', '/api/activities/:id', async (req) => ({ body: await activityFor(ctx, await caller(req), id(req)) }))
    .on('PATCH', '/api/activities/:id', async (req) => {
      const me = await caller(req);
      return { body: await updateActivity(ctx, me, id(req), await readJson(req.raw, UpdateActivityRequest)) };
    })
    .on('GET', '/api/activities/:id/members', async (req) => ({
      body: { members: await listMembers(ctx, await caller(req), id(req)) },
    }))
    // Each person with the role that counts and where it comes from (direct, or a group).
    .on('GET', '/api/activities/:id/people', async (req) => ({
      body: { people: await listActivityPeople(ctx, await caller(req), id(req)) },
    }))
    .on('POST', '/api/activities/:id/members', async (req) => {
      const me = await caller(req);
      const members = await addMember(ctx, me, id(req), await readJson(req.raw, AddMemberRequest));
      return { status: 201, body: { members } };
    })
    .on('PATCH', '/api/activities/:id/members/:kind/:subject', async (req) => {
      const me = await caller(req);
      const { role } = await readJson(req.raw, ChangeRoleRequest);
      const members = await changeMemberRole(ctx, me, id(req), subjectKind(req.params.kind), req.params.subject ?? '', role);
      return { body: { members } };
    })
    .on('DELETE', '/api/activities/:id/members/:kind/:subject', async (req) => {
      const me = await caller(req);
      const members = await removeMember(ctx, me, id(req), subjectKind(req.params.kind), req.params.subject ?? '');
      return { body: { members } };
    })
    .on('GET', '/api/activities/:id/history', async (req) => {
      const me = await caller(req);
      const page = validate(HistoryQuery, Object.fromEntries(req.query));
      return { body: await activityHistory(ctx, me, id(req), page) };
    })
    .on('POST', '/api/activities/:id/sync-ticket', async (req) => {
      const me = await caller(req);
      await readNoBody(req.raw);
      return { status: 201, body: await issueTicket(ctx, tickets, me, id(req), originOf(ctx)) };
    });
}
