import { escapeHtml } from '#core/mail/html';
import type { Queries } from '../store/db.ts';

/** One thing that identified the erased person, and what stands in its place. */
export interface Replacement {
  needle: string;
  by: string;
}

/**
 * Texts the relay wrote for others that may name the erased person — notices ("Bob Martin
 * invites you…", a mention's excerpt), digests waiting and sent, e-mails and SMS to
 * anyone of the organisation, mentions still to be told — say `by` instead (SPEC E4: no
 * page of the file holds them once the erasure is done). In the erase's transaction; each
 * statement reads only the organisation's rows and rewrites those that hold the needle.
 */
export async function eraseCopies(tx: Queries, orgId: string, replacements: readonly Replacement[]) {
  for (const { needle, by } of replacements) {
    if (needle.length === 0) continue;
    const html = escapeHtml(needle);
    const inHtml = escapeHtml(by);
    await tx.run(
      `UPDATE digest_items SET title = replace(title, ?1, ?2), line = replace(line, ?1, ?2)
        WHERE org_id = ?3 AND (instr(title, ?1) > 0 OR instr(line, ?1) > 0)`,
      [needle, by, orgId],
    );
    await tx.run('UPDATE activity_notices SET about = replace(about, ?1, ?2) WHERE org_id = ?3 AND instr(about, ?1) > 0', [needle, by, orgId]);
    await tx.run(
      `UPDATE comment_mentions SET excerpt = replace(excerpt, ?1, ?2)
        WHERE instr(excerpt, ?1) > 0 AND activity_id IN (SELECT id FROM activities WHERE org_id = ?3)`,
      [needle, by, orgId],
    );
    await tx.run(
      `UPDATE mail_messages SET subject = replace(subject, ?1, ?2), text = replace(text, ?1, ?2), html = replace(replace(html, ?1, ?2), ?4, ?5)
        WHERE org_id = ?3 AND (instr(subject, ?1) > 0 OR instr(text, ?1) > 0 OR instr(html, ?1) > 0 OR instr(html, ?4) > 0)`,
      [needle, by, orgId, html, inHtml],
    );
    await tx.run('UPDATE sms_messages SET text = replace(text, ?1, ?2) WHERE org_id = ?3 AND instr(text, ?1) > 0', [needle, by, orgId]);
  }
}
