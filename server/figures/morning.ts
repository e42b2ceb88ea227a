import { messageFigures } from '#core/figures/morning';
import type { Context } from '../context.ts';
import type { Queries } from '../store/db.ts';
import { figureRow, type FigureRow } from './figures.ts';

/**
 * The figures a schedule's morning message carries (migration 302): its own figure first,
 * then the others in the controller's order. A schedule with no rows carries its own alone.
 */
export async function scheduleFigureIds(db: Queries, scheduleId: string, lead: string): Promise<string[]> {
  const rows = await db.all<{ figure_id: string }>('SELECT figure_id FROM figure_schedule_figures WHERE schedule_id = ? ORDER BY position', [scheduleId]);
  return messageFigures(lead, rows.map((r) => r.figure_id));
}

/** The rows of these figures, in this order; 404 for one not of the organisation. */
export async function figureRows(ctx: Context, orgId: string, ids: readonly string[]): Promise<FigureRow[]> {
  const out: FigureRow[] = [];
  for (const id of ids) out.push(await figureRow(ctx, orgId, id));
  return out;
}

/** Rows of figures by id (a scheduled run: the schedule already checked them), in order; missing ones left out. */
export async function figuresById(db: Queries, ids: readonly string[]): Promise<FigureRow[]> {
  const out: FigureRow[] = [];
  for (const id of ids) {
    const row = await db.get<FigureRow>('SELECT * FROM figures WHERE id = ?', [id]);
    if (row) out.push(row);
  }
  return out;
}

/** Replaces the message's figures (`ids` starts with the schedule's own figure). */
export async function setScheduleFigures(db: Queries, scheduleId: string, ids: readonly string[]): Promise<void> {
  await db.run('DELETE FROM figure_schedule_figures WHERE schedule_id = ?', [scheduleId]);
  if (ids.length <= 1) return;
  for (const [position, id] of ids.entries()) {
    await db.run('INSERT INTO figure_schedule_figures (schedule_id, figure_id, position) VALUES (?, ?, ?)', [scheduleId, id, position]);
  }
}

/** How alerts name a message: its figures' SMS labels, joined. */
export function messageLabel(figures: readonly FigureRow[]): string {
  return figures.map((f) => f.sms_label ?? f.label).join(' + ');
}
