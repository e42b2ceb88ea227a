import type { BaseContext } from '../context.ts';
import { settingsOf } from './settings.ts';

/**
 * Whether a person may text many people at once (a decision to every member of an
 * activity): the organisation's choice in its SMS settings (`massSms`). Admins always
 * may; facilitators only when it is set to `facilitators`. The decision of someone who
 * may not is published without SMS (each recipient's SMS status says
 * `sender_not_allowed`), not refused: the record and the in-app notices still matter.
 */
export async function mayTextMany(ctx: BaseContext, orgId: string, userId: string): Promise<boolean> {
  const person = await ctx.db.get<{ role: string }>('SELECT role FROM users WHERE id = ? AND org_id = ?', [userId, orgId]);
  if (person?.role === 'admin') return true;
  return (await settingsOf(ctx.db, ctx.config.sms, orgId)).massSms === 'facilitators';
}
