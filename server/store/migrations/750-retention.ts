import type { Migration } from '../migration.ts';
import { postgresSchema } from '../schema-dialect.ts';

/**
 * Retention of closed activities (server/retention/, README "Retention").
 *
 * `activities.closed_at`: when the activity was last decided or archived, kept by the
 * triggers below whatever path changes the status (publishing a decision, archiving,
 * reopening clears it); existing closed ones count from their last change.
 * `retention_warned`: `<closed_at>|<days>` the facilitators were warned for, and
 * `retention_warned_at` when (removal waits at least 30 days after the warning).
 * `content_removed_at` / `content_removed_plan`: the tombstone's words.
 * `retention_removals`: removals under way, one step at a time, resumed after a kill.
 * (Statements are split at a line ending in `;`: each trigger's body stays on one line.)
 * `retention_state.checked_at`: when the job last looked (what "nothing was due" means).
 *
 * `activity_notices` is rebuilt (SQLite cannot alter a CHECK) to take the kind
 * `retention`, so the warning is in the same bell and told by the same teller.
 */
const sql = (triggers: string) => `
ALTER TABLE activities ADD COLUMN closed_at TEXT;
ALTER TABLE activities ADD COLUMN retention_warned TEXT;
ALTER TABLE activities ADD COLUMN retention_warned_at TEXT;
ALTER TABLE activities ADD COLUMN content_removed_at TEXT;
ALTER TABLE activities ADD COLUMN content_removed_plan TEXT;
UPDATE activities SET closed_at = updated_at WHERE status IN ('decided', 'archived');
CREATE INDEX activities_closed ON activities(closed_at) WHERE closed_at IS NOT NULL AND content_removed_at IS NULL;
${triggers}
ALTER TABLE organizations ADD COLUMN keep_decisions INTEGER NOT NULL DEFAULT 1 CHECK (keep_decisions IN (0, 1));
CREATE TABLE retention_removals (
  activity_id TEXT PRIMARY KEY,
  step TEXT NOT NULL DEFAULT 'close' CHECK (step IN ('close', 'content', 'done')),
  plan TEXT NOT NULL,
  started_at TEXT NOT NULL
);
CREATE TABLE retention_state (one INTEGER PRIMARY KEY CHECK (one = 1), checked_at TEXT NOT NULL);
CREATE TABLE activity_notices_750 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id TEXT NOT NULL REFERENCES users(id),
  org_id TEXT NOT NULL,
  activity_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('mentioned', 'vote_opening', 'vote_closing', 'invitation', 'retention')),
  subject_id TEXT NOT NULL,
  actor_id TEXT,
  about TEXT,
  key TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  read_at TEXT,
  told_at TEXT
);
INSERT INTO activity_notices_750 SELECT id, user_id, org_id, activity_id, kind, subject_id, actor_id, about, key, created_at, read_at, told_at FROM activity_notices;
DROP TABLE activity_notices;
ALTER TABLE activity_notices_750 RENAME TO activity_notices;
CREATE INDEX activity_notices_user ON activity_notices(user_id, id);
CREATE INDEX activity_notices_untold ON activity_notices(id) WHERE told_at IS NULL;
`;

const sqliteTriggers = `CREATE TRIGGER activities_closed_on_insert AFTER INSERT ON activities WHEN NEW.status IN ('decided', 'archived')
BEGIN UPDATE activities SET closed_at = NEW.updated_at WHERE id = NEW.id; END;
CREATE TRIGGER activities_closed_on_update AFTER UPDATE OF status ON activities
  WHEN (NEW.status IN ('decided', 'archived')) <> (OLD.status IN ('decided', 'archived'))
BEGIN UPDATE activities SET closed_at = CASE WHEN NEW.status IN ('decided', 'archived') THEN NEW.updated_at END WHERE id = NEW.id; END;`;

/**
 * PostgreSQL's triggers call a function; one BEFORE trigger sets the row's closed_at as
 * SQLite's two AFTER triggers do (its body is one line: statements split at a line's `;`).
 */
const postgresTriggers = `CREATE FUNCTION activities_closed_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'INSERT' THEN IF NEW.status IN ('decided', 'archived') THEN NEW.closed_at := NEW.updated_at; END IF; ELSIF (NEW.status IN ('decided', 'archived')) <> (OLD.status IN ('decided', 'archived')) THEN NEW.closed_at := CASE WHEN NEW.status IN ('decided', 'archived') THEN NEW.updated_at END; END IF; RETURN NEW; END $$;
CREATE TRIGGER activities_closed BEFORE INSERT OR UPDATE OF status ON activities FOR EACH ROW EXECUTE FUNCTION activities_closed_at();`;

export const retention: Migration = {
  version: 750,
  name: 'retention',
  sql: sql(sqliteTriggers),
  postgres: postgresSchema(sql(postgresTriggers)),
};
