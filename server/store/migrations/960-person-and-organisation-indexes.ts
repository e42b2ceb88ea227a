import type { Migration } from '../migration.ts';

/**
 * A person's rows and an organisation's rows found through an index, on a relay hosting many
 * organisations: a person's export and erasure read no whole table of every organisation
 * (test/integration/people/person-plans.test.ts explains each of their statements). The
 * erasure runs in one transaction holding the store's one writer, so a whole-table read
 * there held the live update log for as long as every organisation's SMS took to read.
 * `activities(org_id)` also serves every per-organisation list of activities.
 */
export const personAndOrganisationIndexes: Migration = {
  version: 960,
  name: 'person-and-organisation-indexes',
  sql: `
CREATE INDEX activities_org ON activities(org_id, created_at);
CREATE INDEX activity_notices_org ON activity_notices(org_id);
CREATE INDEX comment_mentions_activity ON comment_mentions(activity_id);
CREATE INDEX decision_ratings_user ON decision_ratings(user_id, rated_at);
CREATE INDEX digest_items_org ON digest_items(org_id);
CREATE INDEX digest_items_user ON digest_items(user_id);
CREATE INDEX figure_controllers_user ON figure_controllers(user_id);
CREATE INDEX figure_list_members_subject ON figure_list_members(subject_kind, subject_id);
CREATE INDEX idea_notices_idea ON idea_notices(idea_id);
CREATE INDEX invitations_invited_by ON invitations(invited_by, created_at);
CREATE INDEX invitations_accepted_user ON invitations(accepted_user_id);
CREATE INDEX public_signups_email ON public_signups(email);
CREATE INDEX sms_inbound_user ON sms_inbound(user_id, received_at);
CREATE INDEX sms_inbound_from ON sms_inbound(from_phone);
CREATE INDEX sms_messages_user ON sms_messages(user_id, created_at);
CREATE INDEX sync_tickets_user ON sync_tickets(user_id);
`,
};
