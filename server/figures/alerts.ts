import type { Alert } from '#core/api/figures';
import { newId } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { notify } from '../notifications/notify.ts';

/**
 * Alerts to a controller: kept in the store (the app polls `GET /api/figures/alerts`)
 * and sent by SMS, urgent, through the gateway. One alert per `subject` (e.g.
 * `missing:<schedule>:<day>`), so a restart never repeats one. The SMS is keyed by the
 * alert: an alert stored but whose SMS was not queued yet (a crash in between) has
 * `sms IS NULL` and is queued on the next tick.
 */
export interface NewAlert {
  orgId: string;
  controllerId: string;
  kind: Alert['kind'];
  subject: string;
  figureId: string | null;
  scheduleId: string | null;
  day: string | null;
  text: string;
}

export const alertKind = 'figures.alert';

export async function raiseAlert(ctx: Context, alert: NewAlert): Promise<void> {
  const inserted = await ctx.db.run(
    `INSERT INTO figure_alerts (id, org_id, controller_id, kind, subject, figure_id, schedule_id, day, text, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    [newId(), alert.orgId, alert.controllerId, alert.kind, alert.subject, alert.figureId, alert.scheduleId, alert.day, alert.text, ctx.now().toISOString()],
  );
  // Never the text: it is an SMS, and names the people it could not reach.
  if (inserted.changes > 0) ctx.log.warn({ alert: alert.subject, kind: alert.kind }, 'figures alert raised');
  await sendPendingAlerts(ctx);
}

/** Queues the SMS of every alert that has none yet. */
export async function sendPendingAlerts(ctx: Context): Promise<void> {
  const pending = await ctx.db.all<{ id: string; org_id: string; controller_id: string; text: string }>(
    'SELECT id, org_id, controller_id, text FROM figure_alerts WHERE sms IS NULL ORDER BY created_at LIMIT 100',
  );
  for (const alert of pending) {
    // As the controller chose for figure alerts (notifications/notify.ts): SMS and e-mail.
    const told = await notify(ctx, {
      orgId: alert.org_id,
      userId: alert.controller_id,
      kind: 'figure_alert',
      key: `${alertKind}:${alert.id}`,
      write: (lang) => ({
        title: lang === 'fr' ? 'Conclave : alerte sur les chiffres du jour' : 'Conclave: daily figures alert',
        lines: [alert.text],
        link: null,
      }),
      sms: { kind: alertKind, urgent: true, text: () => (alert.text.length > 450 ? `${alert.text.slice(0, 447)}...` : alert.text) },
    });
    const sms = told.sms?.messageId ? `queued:${told.sms.messageId}` : `not sent: ${told.sms?.detail ?? told.sms?.status}`;
    await ctx.db.run('UPDATE figure_alerts SET sms = ? WHERE id = ?', [sms, alert.id]);
  }
}

interface AlertRow {
  id: string;
  kind: Alert['kind'];
  text: string;
  figure_id: string | null;
  schedule_id: string | null;
  day: string | null;
  created_at: string;
  read_at: string | null;
  sms: string | null;
}

export async function listAlerts(ctx: Context, orgId: string, unreadOnly: boolean): Promise<Alert[]> {
  const rows = await ctx.db.all<AlertRow>(
    `SELECT * FROM figure_alerts WHERE org_id = ? ${unreadOnly ? 'AND read_at IS NULL' : ''} ORDER BY created_at DESC, rowid DESC LIMIT 200`,
    [orgId],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    text: r.text,
    figureId: r.figure_id,
    scheduleId: r.schedule_id,
    day: r.day,
    createdAt: r.created_at,
    readAt: r.read_at,
    sms: r.sms,
  }));
}

export async function markAlertRead(ctx: Context, orgId: string, id: string): Promise<boolean> {
  const result = await ctx.db.run('UPDATE figure_alerts SET read_at = COALESCE(read_at, ?) WHERE id = ? AND org_id = ?', [
    ctx.now().toISOString(),
    id,
    orgId,
  ]);
  return result.changes > 0;
}
