import { adminOnly, controllers, everyone, facilitatorOnly, memberReads, rule, selfOrAdmin, signedIn, type Rule } from './rules.ts';
import type { World } from './world.ts';

/** Every GET of the API, on the objects of the world, with who may read it. */
export interface Read {
  name: string;
  path: (w: World) => string;
  rule: Rule;
}

export const reads: Read[] = [
  { name: 'GET /healthz', path: () => '/healthz', rule: everyone(200) },
  { name: 'GET /api/setup', path: () => '/api/setup', rule: everyone(200) },
  { name: 'GET /api/me', path: () => '/api/me', rule: signedIn },
  { name: 'GET /api/users', path: () => '/api/users', rule: signedIn },
  { name: 'GET /api/users/:id (another person)', path: (w) => `/api/users/${w.people.contributor}`, rule: { ...signedIn, outsider: 404 } },
  { name: 'GET /api/users/:id (oneself)', path: (w) => `/api/users/${w.people.viewer}`, rule: { ...signedIn, outsider: 404 } },
  { name: 'GET /api/groups', path: () => '/api/groups', rule: signedIn },
  { name: 'GET /api/groups/:id', path: (w) => `/api/groups/${w.ids.group}`, rule: { ...signedIn, outsider: 404 } },

  { name: 'GET /api/activities', path: () => '/api/activities', rule: signedIn },
  { name: 'GET /api/activities/:id (board)', path: (w) => `/api/activities/${w.ids.sealed}`, rule: memberReads },
  { name: 'GET /api/activities/:id (idea box)', path: (w) => `/api/activities/${w.ids.box}`, rule: memberReads },
  { name: 'GET /api/activities/:id/members', path: (w) => `/api/activities/${w.ids.sealed}/members`, rule: memberReads },
  { name: 'GET /api/activities/:id/people', path: (w) => `/api/activities/${w.ids.sealed}/people`, rule: memberReads },
  { name: 'GET /api/activities/:id/history', path: (w) => `/api/activities/${w.ids.sealed}/history`, rule: memberReads },

  { name: 'GET /api/activities/:id/polls', path: (w) => `/api/activities/${w.ids.sealed}/polls`, rule: memberReads },
  { name: 'GET /api/polls/:id (single)', path: (w) => `/api/polls/${w.ids.single}`, rule: memberReads },
  { name: 'GET /api/polls/:id (estimate)', path: (w) => `/api/polls/${w.ids.estimate}`, rule: memberReads },
  { name: 'GET /api/polls/:id (private entries)', path: (w) => `/api/polls/${w.ids.entries}`, rule: memberReads },
  { name: 'GET /api/polls/:id (consent)', path: (w) => `/api/polls/${w.ids.consent}`, rule: memberReads },

  { name: 'GET /api/activities/:id/decision', path: (w) => `/api/activities/${w.ids.decided}/decision`, rule: memberReads },
  { name: 'GET /api/activities/:id/decision/export.md', path: (w) => `/api/activities/${w.ids.decided}/decision/export.md`, rule: memberReads },
  { name: 'GET /api/activities/:id/archive.zip', path: (w) => `/api/activities/${w.ids.decided}/archive.zip`, rule: memberReads },
  { name: 'GET /api/activities/:id/decision/export.pdf', path: (w) => `/api/activities/${w.ids.decided}/decision/export.pdf`, rule: memberReads },
  { name: 'GET /api/decision-notices', path: () => '/api/decision-notices', rule: signedIn },
  { name: 'GET /api/me/notices', path: () => '/api/me/notices', rule: signedIn },
  { name: 'GET /api/me/actions', path: () => '/api/me/actions', rule: signedIn },
  { name: 'GET /api/activity-templates', path: () => '/api/activity-templates', rule: signedIn },
  { name: 'GET /api/activities/:id/actions/overdue', path: (w) => `/api/activities/${w.ids.sealed}/actions/overdue`, rule: facilitatorOnly },

  { name: 'GET /api/activities/:id/ideas', path: (w) => `/api/activities/${w.ids.box}/ideas`, rule: memberReads },
  {
    name: 'GET /api/activities/:id/ideas/similar',
    path: (w) => `/api/activities/${w.ids.box}/ideas/similar?title=hidden%20idea%20title`,
    rule: memberReads,
  },
  { name: 'GET /api/activities/:id/contributors', path: (w) => `/api/activities/${w.ids.box}/contributors`, rule: memberReads },
  { name: 'GET /api/ideas/storage', path: () => '/api/ideas/storage', rule: signedIn },
  { name: 'GET /api/ideas/:id', path: (w) => `/api/ideas/${w.ids.idea}`, rule: memberReads },
  { name: 'GET /api/ideas/:id (hidden)', path: (w) => `/api/ideas/${w.ids.hiddenIdea}`, rule: rule(memberReads, { viewer: 404 }) },
  { name: 'GET /api/ideas/:id/photo', path: (w) => `/api/ideas/${w.ids.idea}/photo`, rule: memberReads },
  { name: 'GET /api/ideas/:id/comments', path: (w) => `/api/ideas/${w.ids.idea}/comments`, rule: memberReads },
  { name: 'GET /api/activities/:id/my-comments', path: (w) => `/api/activities/${w.ids.box}/my-comments`, rule: memberReads },
  { name: 'GET /api/activities/:id/files', path: (w) => `/api/activities/${w.ids.sealed}/files`, rule: memberReads },
  { name: 'GET /api/files/:id', path: (w) => `/api/files/${w.ids.file}`, rule: memberReads },
  { name: 'GET /api/files/:id (a photo)', path: (w) => `/api/files/${w.ids.image}`, rule: memberReads },
  { name: 'GET /api/files/:id/thumbnail', path: (w) => `/api/files/${w.ids.image}/thumbnail`, rule: memberReads },
  // A text has no preview: its members are told so (404 preview), everyone else that the file does not exist.
  { name: 'GET /api/files/:id/preview', path: (w) => `/api/files/${w.ids.file}/preview`, rule: { ...memberReads, facilitator: 404, contributor: 404, viewer: 404 } },
  { name: 'GET /api/idea-notices', path: () => '/api/idea-notices', rule: signedIn },
  { name: 'GET /api/activities/:id/idea-settings', path: (w) => `/api/activities/${w.ids.box}/idea-settings`, rule: memberReads },
  { name: 'GET /api/activities/:id/idea-queues', path: (w) => `/api/activities/${w.ids.box}/idea-queues`, rule: facilitatorOnly },
  { name: 'GET /api/activities/:id/recognition', path: (w) => `/api/activities/${w.ids.box}/recognition`, rule: memberReads },
  { name: 'GET /api/activities/:id/studied-idea', path: (w) => `/api/activities/${w.ids.box}/studied-idea`, rule: memberReads },
  { name: 'GET /api/me/idea-credit', path: () => '/api/me/idea-credit', rule: signedIn },

  { name: 'GET /api/figures/me', path: () => '/api/figures/me', rule: signedIn },
  { name: 'GET /api/figures', path: () => '/api/figures', rule: controllers },
  { name: 'GET /api/figures/:id', path: (w) => `/api/figures/${w.ids.figure}`, rule: { ...controllers, outsider: 404 } },
  { name: 'GET /api/figures/:id/values', path: (w) => `/api/figures/${w.ids.figure}/values`, rule: { ...controllers, outsider: 404 } },
  { name: 'GET /api/figures/alerts', path: () => '/api/figures/alerts', rule: controllers },
  { name: 'GET /api/figures/schedules', path: () => '/api/figures/schedules', rule: controllers },
  { name: 'GET /api/figures/schedules/:id', path: (w) => `/api/figures/schedules/${w.ids.schedule}`, rule: { ...controllers, outsider: 404 } },
  { name: 'GET /api/figures/api-keys', path: () => '/api/figures/api-keys', rule: adminOnly },
  { name: 'GET /api/figures/controllers', path: () => '/api/figures/controllers', rule: adminOnly },
  { name: 'GET /api/lists', path: () => '/api/lists', rule: controllers },
  { name: 'GET /api/lists/:id', path: (w) => `/api/lists/${w.ids.list}`, rule: { ...controllers, outsider: 404 } },
  { name: 'GET /api/lists/:id/recipients', path: (w) => `/api/lists/${w.ids.list}/recipients`, rule: { ...controllers, outsider: 404 } },

  { name: 'GET /api/sms/status', path: () => '/api/sms/status', rule: adminOnly },
  { name: 'GET /api/sms/messages', path: () => '/api/sms/messages', rule: adminOnly },
  { name: 'GET /api/sms/messages/:id', path: (w) => `/api/sms/messages/${w.ids.smsToContributor}`, rule: selfOrAdmin('contributor') },
  { name: 'GET /api/sms/consents', path: () => '/api/sms/consents', rule: adminOnly },
  { name: 'GET /api/sms/consents/:userId', path: (w) => `/api/sms/consents/${w.people.contributor}`, rule: selfOrAdmin('contributor') },
  { name: 'GET /api/sms/inbox', path: () => '/api/sms/inbox?all=1', rule: adminOnly },
  { name: 'GET /api/sms/settings', path: () => '/api/sms/settings', rule: adminOnly },

  { name: 'GET /api/mail/messages', path: () => '/api/mail/messages', rule: adminOnly },
  { name: 'GET /api/signup', path: () => '/api/signup', rule: everyone(200) },
  { name: 'GET /api/organization/usage', path: () => '/api/organization/usage', rule: signedIn },
  { name: 'GET /api/organization/rights', path: () => '/api/organization/rights', rule: adminOnly },
  { name: 'GET /api/organization/retention', path: () => '/api/organization/retention', rule: signedIn },
  { name: 'GET /api/invitations', path: () => '/api/invitations?status=all', rule: signedIn },
];
