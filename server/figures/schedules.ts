import type { CreateScheduleInput, Schedule, UpdateScheduleRequest } from '#core/api/figures';
import { ErrorCode } from '#core/api/errors';
import { cronOf } from '#core/figures/schedule';
import { weeklyCron, weeklyOfCron } from '#core/figures/weekly';
import type { Caller } from '../accounts/sessions.ts';
import { newId } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { Refusal, notFound } from '../errors.ts';
import { settingsOf } from '../sms/settings.ts';
import { messageFigures } from '#core/figures/morning';
import { getList } from './lists.ts';
import { figureRows, scheduleFigureIds, setScheduleFigures } from './morning.ts';

/**
 * Schedules: a figure sent to a list on days and at a time (kept as a cron pattern) in a
 * named time zone, the organisation's unless the controller picks another.
 */
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

/** The organisation's time zone: the one its SMS settings (quiet hours) are read in. */
export async function orgTimeZone(ctx: Context, orgId: string): Promise<string> {
  return (await settingsOf(ctx.db, ctx.config.sms, orgId)).timeZone;
}

export async function createSchedule(ctx: Context, caller: Caller, request: CreateScheduleInput): Promise<{ id: string }> {
  const figureIds = messageFigures(request.figureId, request.figureIds);
  await figureRows(ctx, caller.orgId, figureIds);
  await getList(ctx, caller.orgId, request.listId);
  const input = { ...request, timeZone: request.timeZone ?? (await orgTimeZone(ctx, caller.orgId)) };
  cronOf(input.cron, input.timeZone);
  const id = newId();
  const at = ctx.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO figure_schedules (id, org_id, figure_id, list_id, cron, time_zone, window_minutes, watch_minutes, enabled,
         controller_id, active_since, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, caller.orgId, input.figureId, input.listId, input.cron, input.timeZone, input.windowMinutes, input.watchMinutes, input.enabled ? 1 : 0, caller.id, at, at, at],
    );
    await setScheduleFigures(tx, id, figureIds);
  });
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
  const figureIds = input.figureIds && messageFigures(row.figure_id, input.figureIds);
  if (figureIds) await figureRows(ctx, caller.orgId, figureIds);
  const cron = input.cron ?? cronOfUpdate(row.cron, input) ?? row.cron;
  const timeZone = input.timeZone ?? row.time_zone;
  cronOf(cron, timeZone);
  const at = ctx.now().toISOString();
  // A new pattern, zone or re-enabling owes nothing for firings before the change (S6).
  const reset = cron !== row.cron || timeZone !== row.time_zone || (input.enabled === true && row.enabled === 0);
  await ctx.db.transaction(async (tx) => {
    if (figureIds) await setScheduleFigures(tx, id, figureIds);
    await tx.run(
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
  });
  return getSchedule(ctx, caller.orgId, id);
}

/** New days or a new time, the other kept from the schedule's pattern. */
function cronOfUpdate(current: string, input: UpdateScheduleRequest): string | null {
  if (input.days === undefined && input.time === undefined) return null;
  const was = weeklyOfCron(current);
  const days = input.days ?? was?.days;
  const time = input.time ?? was?.time;
  if (!days || !time) {
    const path = days ? 'time' : 'days';
    throw new Refusal(ErrorCode.validation, `${path}: give both days and time (this schedule's pattern is "${current}")`, [
      { path, message: 'give both days and time' },
    ]);
  }
  return weeklyCron({ days, time });
}

export async function getSchedule(ctx: Context, orgId: string, id: string): Promise<Schedule> {
  const row = await scheduleRow(ctx, orgId, id);
  const runs = await ctx.db.all<{ day: string; state: 'waiting' | 'sending' | 'sent' | 'missed'; fired_at: string; detail: string | null }>(
    'SELECT day, state, fired_at, detail FROM figure_runs WHERE schedule_id = ? ORDER BY day DESC LIMIT 31',
    [id],
  );
  // A run's SMS are its batch (`<schedule>:<day>`, scheduler.ts), found through the batch index
  // from the schedule's runs, not among every organisation's figure SMS.
  const counts = await ctx.db.all<{ day: string; sent: number; delivered: number }>(
    `SELECT r.day, COUNT(m.id) AS sent, SUM(CASE WHEN m.status = 'delivered' THEN 1 ELSE 0 END) AS delivered
       FROM figure_runs r
       JOIN figure_sends s ON s.batch = r.schedule_id || ':' || r.day AND s.schedule_id = r.schedule_id
       LEFT JOIN sms_messages m ON m.id = s.message_id
      WHERE r.schedule_id = ? GROUP BY r.day`,
    [id],
  );
  const byDay = new Map(counts.map((c) => [c.day, c]));
  const next = row.enabled ? cronOf(row.cron, row.time_zone).nextRun(ctx.now()) : null;
  const weekly = weeklyOfCron(row.cron);
  return {
    id: row.id,
    figureId: row.figure_id,
    figureIds: await scheduleFigureIds(ctx.db, row.id, row.figure_id),
    listId: row.list_id,
    cron: row.cron,
    days: weekly?.days ?? null,
    time: weekly?.time ?? null,
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
