import type { OrgRole } from '#core/api/users';
import { effectiveRole, may } from '../activities/access.ts';
import type { BaseContext } from '../context.ts';
import { holdsRight } from '../organizations/rights.ts';
import type { Queries } from '../store/db.ts';
import type { InvitationRow } from './invitations.ts';

/**
 * Whether the inviter could still send this invitation now: an invitation speaks for them,
 * so it admits someone only while they are in (not disabled, not erased) and still hold
 * what sending it took — an administrator for the organisation or for an administrator's
 * place; for an activity, its facilitator (or an administrator, who may resend it), and
 * the right to invite guests for a guest. A leaver's, a demoted administrator's or a
 * removed facilitator's pending links are dead at once, like their sessions.
 */
export async function inviterStillVouches(ctx: BaseContext, db: Queries, row: InvitationRow): Promise<boolean> {
  const inviter = await db.get<{ id: string; org_id: string; role: OrgRole; guest: number }>(
    'SELECT id, org_id, role, guest FROM users WHERE id = ? AND org_id = ? AND disabled_at IS NULL AND erased_at IS NULL',
    [row.invited_by, row.org_id],
  );
  if (!inviter || inviter.guest === 1) return false;
  const admin = inviter.role === 'admin';
  if (row.role === 'admin' && !admin) return false;
  if (row.activity_id === null) return admin;
  if (!admin && !may.facilitate(await effectiveRole(db, row.activity_id, inviter.id))) return false;
  if (row.guest !== 1) return true;
  return holdsRight(ctx, { id: inviter.id, orgId: inviter.org_id, role: inviter.role, guest: false }, 'inviteGuests', db);
}
