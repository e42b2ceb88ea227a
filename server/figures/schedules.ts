import type { CreateScheduleRequest, Schedule, UpdateScheduleRequest } from '#core/api/figures';
import { cronOf } from '#core/figures/schedule';
import type { Caller } from '../accounts/sessions.ts';
import { newId } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { notFound } from '../errors.ts';
import { figureRow } from './figures.ts';
import { getList } from './lists.ts';

/** Schedules: a figure sent to a list on a cron pattern in a time zone. */
export interface ScheduleRow {
  id: string;
  org_id: string;
  figure_id: string;
  list_id: string;
  cron: string;
  time_zone: string;
  window_minutes: number;
  watch_minutes: number;
  enabled: number;
  controller_id: string;
  active_since: string;
}

export async function createSchedule(ctx: Context, caller: Caller, input: CreateScheduleRequest): Promise<{ id: string }> {
  await figureRow(ctx, caller.orgId, input.figureId);
  await getList(ctx, caller.orgId, input.listId);
  const id = newId();
  const at = ctx.now().toISOString();
  await ctx.db.run(
    `INSERT INTO figure_schedules (id, org_id, figure_id, list_id, cron, time_zone, window_minutes, watch_minutes, enabled,
       controller_id, active_since, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, caller.orgId, input.figureId, input.listId, input.cron, input.timeZone, input.windowMinutes, input.watchMinutes, input.enabled ? 1 : 0, caller.id, at, at, at],
  );
  return { id };
}

export async function scheduleRow(ctx: Context, orgId: string, id: string): Promise<ScheduleRow> {
  const row = await ctx.db.get<ScheduleRow>('SELECT * FROM figure_schedules WHERE id = ? AND org_id = ?', [id, orgId]);
  if (!row) throw notFound('schedule');
  return row;
}

export async function updateSchedule(ctx: Context, caller: Caller, id: string, input: UpdateScheduleRequest): Promise<Schedule> {
  const row = await scheduleRow(ctx, caller.orgId, id);
  if (input.listId) await getList(ctx, caller.orgId, input.listId);
  const cron = input.cron ?? row.cron;
  const timeZone = input.timeZone ?? row.time_zone;
  cronOf(cron, timeZone);
  const at = ctx.now().toISOString();
  // A new pattern, zone or re-enabling owes nothing for firings before the change (S6).
  const reset = cron !== row.cron || timeZone !== row.time_zone || (input.enabled === true && row.enabled === 0);
  await ctx.db.run(
    `UPDATE figure_schedules SET cron = ?, time_zone = ?, window_minutes = ?, watch_minutes = ?, enabled = ?, list_id = ?,
       active_since = ?, updated_at = ? WHERE id = ?`,
    [
      cron,
      timeZone,
      input.windowMinutes ?? row.window_minutes,
      input.watchMinutes ?? row.watch_minutes,
      input.enabled === undefined ? row.enabled : input.enabled ? 1 : 0,
      input.listId ?? row.list_id,
      reset ? at : row.active_since,
      at,
      id,
    ],
  );
  return getSchedule(ctx, caller.orgId, id);
}

export async function getSchedule(ctx: Context, orgId: string, id: string): Promise<Schedule> {
  const row = await scheduleRow(ctx, orgId, id);
  const runs = await ctx.db.all<{ day: string; state: 'waiting' | 'sending' | 'sent' | 'missed'; fired_at: string; detail: string | null }>(
    'SELECT day, state, fired_at, detail FROM figure_runs WHERE schedule_id = ? ORDER BY day DESC LIMIT 31',
    [id],
  );
  const counts = await ctx.db.all<{ day: string; sent: number; delivered: number }>(
    `SELECT s.day, COUNT(m.id) AS sent, SUM(CASE WHEN m.status = 'delivered' THEN 1 ELSE 0 END) AS delivered
       FROM figure_sends s LEFT JOIN sms_messages m ON m.id = s.message_id WHERE s.schedule_id = ? GROUP BY s.day`,
    [id],
  );
  const byDay = new Map(counts.map((c) => [c.day, c]));
  const next = row.enabled ? cronOf(row.cron, row.time_zone).nextRun(ctx.now()) : null;
  return {
    id: row.id,
    figureId: row.figure_id,
    listId: row.list_id,
    cron: row.cron,
    timeZone: row.time_zone,
    windowMinutes: row.window_minutes,
    watchMinutes: row.watch_minutes,
    enabled: row.enabled === 1,
    controllerId: row.controller_id,
    next: next?.toISOString() ?? null,
    runs: runs.map((r) => ({
      day: r.day,
      state: r.state,
      firedAt: r.fired_at,
      detail: r.detail,
      sent: byDay.get(r.day)?.sent ?? 0,
      delivered: byDay.get(r.day)?.delivered ?? 0,
    })),
  };
}

export async function listSchedules(ctx: Context, orgId: string): Promise<Schedule[]> {
  const rows = await ctx.db.all<{ id: string }>('SELECT id FROM figure_schedules WHERE org_id = ? ORDER BY created_at', [orgId]);
  const out: Schedule[] = [];
  for (const r of rows) out.push(await getSchedule(ctx, orgId, r.id));
  return out;
}

export async function deleteSchedule(ctx: Context, orgId: string, id: string): Promise<void> {
  await scheduleRow(ctx, orgId, id);
  await ctx.db.run('UPDATE figure_schedules SET enabled = 0, updated_at = ? WHERE id = ?', [ctx.now().toISOString(), id]);
}
