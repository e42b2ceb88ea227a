import type { BaseContext } from '../context.ts';
import { holdsRight } from '../organizations/rights.ts';

/**
 * Whether a person may text many people at once (a decision to every member of an
 * activity): the organisation's choice in its SMS settings (`massSms`). Admins always
 * may; facilitators when it is set to `facilitators`, or when they are in a group the
 * administrators granted the right to (core/people/rights.ts `textMany`). The decision of someone who
 * may not is published without SMS (each recipient's SMS status says
 * `sender_not_allowed`), not refused: the record and the in-app notices still matter.
 */
export async function mayTextMany(ctx: BaseContext, orgId: string, userId: string): Promise<boolean> {
  const person = await ctx.db.get<{ role: 'admin' | 'member'; guest: number }>('SELECT role, guest FROM users WHERE id = ? AND org_id = ?', [userId, orgId]);
  if (!person) return false;
  return holdsRight(ctx, { id: userId, orgId, role: person.role, guest: person.guest === 1 }, 'textMany');
}
