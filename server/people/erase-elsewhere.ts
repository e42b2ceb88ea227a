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
 * made it (an expired invitation leaves the pending list too; no other leaves all). So go
 * the other e-mails another organisation sent the address for none of its people (a public
 * campaign's sign-up link, or its "this address has an account": the pending sign-up itself
 * goes in erase.ts), and the address's count of invitation e-mails (its hash: a copy of the
 * file would confirm the address by it; the count starts again for it).
 *
 * Left, on purpose: another organisation's own relation with the number — a consent the
 * number gave it, the SMS it sent there under that consent (an invitation's SMS copy goes
 * only to a number that agreed to the inviter's organisation), what it answered — is that
 * organisation's record of a number that agreed to hear from it (a STOP must keep holding),
 * not the erased person's account.
 */
export async function eraseElsewhere(tx: Queries, orgId: string, email: string): Promise<void> {
  // Its e-mails to the address for none of its people: invitations, a public campaign's sign-up link or "you have an account".
  const mails = 'SELECT id FROM mail_messages WHERE to_address = ?2 AND org_id <> ?1 AND user_id IS NULL';
  await tx.run(`DELETE FROM mail_history WHERE message_id IN (${mails})`, [orgId, email]);
  await tx.run(`DELETE FROM mail_messages WHERE id IN (${mails})`, [orgId, email]);
  await tx.run('DELETE FROM invitations WHERE email = ?2 AND org_id <> ?1 AND accepted_at IS NULL', [orgId, email]);
  await tx.run('DELETE FROM invitation_mails WHERE address_hash = ?', [invitationAddressHash(email)]);
}
