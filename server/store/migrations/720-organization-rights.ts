import type { Migration } from '../migration.ts';

/**
 * Rights an administrator keeps to some groups (core/people/rights.ts). A right with no row
 * follows its default; `everyone` is read only for rights set on the rights screen. A
 * group's grants go with the group.
 */
export const organizationRights: Migration = {
  version: 720,
  name: 'organization-rights',
  sql: `
CREATE TABLE organization_rights (
  org_id TEXT NOT NULL REFERENCES organizations(id),
  right_id TEXT NOT NULL,
  everyone INTEGER NOT NULL CHECK (everyone IN (0, 1)),
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  PRIMARY KEY (org_id, right_id)
);
CREATE TABLE organization_right_groups (
  org_id TEXT NOT NULL REFERENCES organizations(id),
  right_id TEXT NOT NULL,
  group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  PRIMARY KEY (org_id, right_id, group_id)
);
CREATE INDEX organization_right_groups_group ON organization_right_groups(group_id);
`,
};
