import { escapeHtml } from '#core/mail/html';
import type { Queries } from '../store/db.ts';
import { dialect } from '../store/dialect.ts';

/** One thing that identified the erased person, and what stands in its place. */
export interface Replacement {
  needle: string;
  by: string;
}

/** Where the relay keeps texts it wrote for people: each table's text columns, the HTML ones apart (their text is escaped). */
const copies: { table: string; org: string; text: string[]; html: string[] }[] = [
  { table: 'digest_items', org: 'org_id = ?1', text: ['title', 'line'], html: [] },
  { table: 'activity_notices', org: 'org_id = ?1', text: ['about'], html: [] },
  { table: 'comment_mentions', org: 'activity_id IN (SELECT id FROM activities WHERE org_id = ?1)', text: ['excerpt'], html: [] },
  { table: 'mail_messages', org: 'org_id = ?1', text: ['subject', 'text'], html: ['html'] },
  { table: 'sms_messages', org: 'org_id = ?1', text: ['text'], html: [] },
  // Comments on ideas are people's own words, kept after an erasure (the erased person's read as
  // the former member's); as in the activities' documents (SPEC E3), the person's name,
  // address or number written in anyone's comment becomes the same words as here.
  { table: 'idea_comments', org: 'idea_id IN (SELECT i.id FROM ideas i JOIN activities a ON a.id = i.activity_id WHERE a.org_id = ?1)', text: ['text', 'hidden_reason'], html: [] },
  // Ideas likewise (a published box's page shows their titles, texts and answers to anyone), and the reasons given on them.
  { table: 'ideas', org: 'activity_id IN (SELECT id FROM activities WHERE org_id = ?1)', text: ['title', 'text', 'reason', 'hidden_reason', 'off_topic_reason'], html: [] },
  { table: 'idea_status_changes', org: 'idea_id IN (SELECT i.id FROM ideas i JOIN activities a ON a.id = i.activity_id WHERE a.org_id = ?1)', text: ['reason'], html: [] },
  { table: 'idea_notices', org: 'idea_id IN (SELECT i.id FROM ideas i JOIN activities a ON a.id = i.activity_id WHERE a.org_id = ?1)', text: ['reason'], html: [] },
  { table: 'idea_reports', org: 'idea_id IN (SELECT i.id FROM ideas i JOIN activities a ON a.id = i.activity_id WHERE a.org_id = ?1)', text: ['note'], html: [] },
  { table: 'idea_comment_reports', org: 'comment_id IN (SELECT c.id FROM idea_comments c JOIN ideas i ON i.id = c.idea_id JOIN activities a ON a.id = i.activity_id WHERE a.org_id = ?1)', text: ['note'], html: [] },
  { table: 'idea_rewards', org: 'idea_id IN (SELECT i.id FROM ideas i JOIN activities a ON a.id = i.activity_id WHERE a.org_id = ?1)', text: ['text'], html: [] },
];

/**
 * Texts the relay wrote for others that may name the erased person — notices ("Bob Martin
 * invites you…", a mention's excerpt), digests waiting and sent, e-mails and SMS to
 * anyone of the organisation, mentions still to be told — say `by` instead (SPEC E4: no
 * page of the file holds them once the erasure is done). In the erase's transaction: one
 * statement per table, reading the organisation's rows once (as the erase always did for
 * the e-mails the person asked to send) and rewriting those that hold a needle.
 */
export async function eraseCopies(tx: Queries, orgId: string, replacements: readonly Replacement[]) {
  const kept = replacements.filter((r) => r.needle.length > 0);
  if (kept.length === 0) return;
  const plain = kept.flatMap((r) => [r.needle, r.by]);
  const escaped = kept.flatMap((r) => [escapeHtml(r.needle), escapeHtml(r.by)]);
  // ?1 is the organisation; needle i is ?(2 + 2i), its replacement ?(3 + 2i); escaped ones follow.
  const pairs = (offset: number) => kept.map((_, i) => [`?${offset + 2 * i}`, `?${offset + 2 * i + 1}`] as const);
  const replaced = (column: string, offset: number) => pairs(offset).reduce((sql, [needle, by]) => `replace(${sql}, ${needle}, ${by})`, column);
  const holds = (column: string, offset: number) => pairs(offset).map(([needle]) => dialect.contains(tx.engine, column, needle));
  const escapedAt = 2 + plain.length;
  for (const { table, org, text, html } of copies) {
    const sets = [...text.map((c) => `${c} = ${replaced(c, 2)}`), ...html.map((c) => `${c} = ${replaced(replaced(c, 2), escapedAt)}`)];
    const where = [...text.flatMap((c) => holds(c, 2)), ...html.flatMap((c) => [...holds(c, 2), ...holds(c, escapedAt)])];
    await tx.run(`UPDATE ${table} SET ${sets.join(', ')} WHERE ${org} AND (${where.join(' OR ')})`, [orgId, ...plain, ...(html.length > 0 ? escaped : [])]);
  }
}
