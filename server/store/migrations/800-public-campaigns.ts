import type { Migration } from '../migration.ts';

/**
 * Public idea campaigns (issue 18). An idea box may be published at a slug, unique on
 * the relay (`activities.public_slug`; NULL: not published). A public sign-up waits in
 * `public_signups` until its e-mailed link is opened: nothing of the person is an
 * account, or shown anywhere, before that. A confirmed sign-up becomes a `users` row
 * with `guest = 1` (every guest refusal holds for them) and `participant = 1` (they
 * reach published idea boxes only); `public_name` is their consent to their name being
 * shown on public pages (members' names never are). `public_participations` lists the
 * campaigns each participant joined.
 */
export const publicCampaigns: Migration = {
  version: 800,
  name: 'public-campaigns',
  sql: `
ALTER TABLE activities ADD COLUMN public_slug TEXT;
CREATE UNIQUE INDEX activities_public_slug ON activities(public_slug) WHERE public_slug IS NOT NULL;
ALTER TABLE users ADD COLUMN participant INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN public_name INTEGER NOT NULL DEFAULT 0;
CREATE TABLE public_signups (
  token_hash TEXT PRIMARY KEY,
  activity_id TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  public_name INTEGER NOT NULL DEFAULT 0,
  locale TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX public_signups_expiry ON public_signups(expires_at);
CREATE INDEX public_signups_activity ON public_signups(activity_id);
CREATE TABLE public_participations (
  user_id TEXT NOT NULL REFERENCES users(id),
  activity_id TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  joined_at TEXT NOT NULL,
  PRIMARY KEY (user_id, activity_id)
) WITHOUT ROWID;
CREATE INDEX public_participations_activity ON public_participations(activity_id);
`,
};
