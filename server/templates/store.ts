import { Blueprint, builtInTemplates, isBuiltInTemplate } from '#core/doc/templates';
import { badRequest } from '../errors.ts';
import type { Queries } from '../store/db.ts';

export interface TemplateRow {
  id: string;
  name: string;
  blueprint: string;
  created_by: string;
  created_by_name: string | null;
  created_at: string;
}

/**
 * The blueprint `ref` names for a new activity of `orgId`: a built-in template, or one the
 * organisation saved. Anything else (another organisation's, one removed since, a word the
 * relay does not know) is refused 400 and nothing is created.
 */
export async function blueprintFor(db: Queries, orgId: string, ref: string): Promise<Blueprint> {
  if (isBuiltInTemplate(ref)) return builtInTemplates[ref];
  const row = await db.get<{ blueprint: string }>('SELECT blueprint FROM activity_templates WHERE id = ? AND org_id = ?', [ref, orgId]);
  const parsed = row ? Blueprint.safeParse(JSON.parse(row.blueprint)).data : undefined;
  if (!parsed) throw badRequest('No such template: pick a built-in one (meeting, decision…) or one your organisation saved.');
  return parsed;
}

export const templateRows = (db: Queries, orgId: string) =>
  db.all<TemplateRow>(
    `SELECT t.id, t.name, t.blueprint, t.created_by, u.name AS created_by_name, t.created_at
       FROM activity_templates t LEFT JOIN users u ON u.id = t.created_by
      WHERE t.org_id = ? ORDER BY lower(t.name), t.id LIMIT 1000`,
    [orgId],
  );
