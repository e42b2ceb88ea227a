import { invitationAddressHash } from '../invitations/invitations.ts';
import type { Queries } from '../store/db.ts';

/**
 * What other organisations of the relay hold of an erased person's address, in the erase's
 * transaction (README "Erasing a person"). An organisation may invite any address, and one
 * with an account elsewhere is invited like any other (the inviter learns nothing of other
 * organisations); so once the person is erased, those invitations — never accepted, since
 * the address had an account — go, with the name and number they held, and their e-mails.
 * The inviter sees them no more, in the pending list or in all, nor their e-mails in the
 * outbox: as if never sent, which tells nothing of the erasure nor of the organisation that
 * made it (an expired invitation leaves the pending list too; no other leaves all). The
 * address's count of invitation e-mails goes as well (its hash: a copy of the file would
 * confirm the address by it); the count starts again for it.
 *
 * Left, on purpose: another organisation's own relation with the number — a consent the
 * number gave it, the SMS it sent there under that consent (an invitation's SMS copy goes
 * only to a number that agreed to the inviter's organisation), what it answered — is that
 * organisation's record of a number that agreed to hear from it (a STOP must keep holding),
 * not the erased person's account.
 */
export async function eraseElsewhere(tx: Queries, orgId: string, email: string): Promise<void> {
  // An invitation's e-mails are keyed `invitation:<id>:<n>`, n its sends (at most 10): found by the key's index.
  const mails = `WITH RECURSIVE sends(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM sends WHERE n < 10)
    SELECT m.id FROM invitations i JOIN sends s ON s.n <= i.sent_count
      JOIN mail_messages m ON m.org_id = i.org_id AND m.idempotency_key = 'invitation:' || i.id || ':' || s.n
     WHERE i.email = ?2 AND i.org_id <> ?1 AND i.accepted_at IS NULL`;
  await tx.run(`DELETE FROM mail_history WHERE message_id IN (${mails})`, [orgId, email]);
  await tx.run(`DELETE FROM mail_messages WHERE id IN (${mails})`, [orgId, email]);
  await tx.run('DELETE FROM invitations WHERE email = ?2 AND org_id <> ?1 AND accepted_at IS NULL', [orgId, email]);
  await tx.run('DELETE FROM invitation_mails WHERE address_hash = ?', [invitationAddressHash(email)]);
}
