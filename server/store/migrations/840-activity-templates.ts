import type { Migration } from '../migration.ts';

/**
 * Activity templates an organisation saved (issue 17; core/doc/templates.ts): a name unique
 * in the organisation, the blueprint as JSON (board kinds in order, agenda items), who saved
 * it and from which activity. At most 100 per organisation (server/templates/templates.ts).
 */
export const activityTemplates: Migration = {
  version: 840,
  name: 'activity-templates',
  sql: `
CREATE TABLE activity_templates (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL,
  name TEXT NOT NULL,
  blueprint TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  source_activity_id TEXT
);
CREATE UNIQUE INDEX activity_templates_name ON activity_templates(org_id, name);
`,
};
