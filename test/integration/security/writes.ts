import { password } from '../../support/api.ts';
import { adminOnly, allowed, controllers, facilitatorOnly, memberEdits, memberReads, ownerOnly, rule, selfOrAdmin, signedIn, type Rule } from './rules.ts';
import type { CallerName, World } from './world.ts';

/**
 * Every POST, PUT, PATCH and DELETE of the API, with a valid body, who may call it, and
 * (for those that read a body) who checks that bad bodies are refused.
 */
export interface Write {
  name: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: (w: World) => string;
  body?: (w: World) => Record<string, unknown>;
  rule: Rule;
  /**
   * A caller allowed to call it, and the valid body with one field of the wrong type (for
   * an endpoint that takes no body, any body but `{}` is bad input).
   */
  validation?: { caller: CallerName; wrongType: (w: World) => unknown };
}

const all = (status: number): Rule => ({ anon: status, erp: status, admin: status, facilitator: status, contributor: status, viewer: status, stranger: status, controller: status, outsider: status });
const later = () => new Date(Date.now() + 10 * 86_400_000).toISOString();
const singlePoll = { kind: 'single', question: 'Which colour for the new logo?', options: ['Red', 'Blue'], rule: 'plurality' };

export const writes: Write[] = [
  // Accounts
  { name: 'POST /api/setup', method: 'POST', path: () => '/api/setup', body: () => ({ organization: 'Rival', name: 'Mallory', email: 'mallory@rival.example', password }), rule: all(409), validation: { caller: 'anon', wrongType: () => ({ organization: 42, name: 'Mallory', email: 'mallory@rival.example', password }) } },
  { name: 'POST /api/session (wrong password)', method: 'POST', path: () => '/api/session', body: () => ({ email: 'alice@durand.example', password: 'not the password' }), rule: all(401), validation: { caller: 'anon', wrongType: () => ({ email: 'alice@durand.example', password: 42 }) } },
  { name: 'POST /api/users', method: 'POST', path: () => '/api/users', body: () => ({ name: 'Mallory', email: 'mallory@durand.example', password, role: 'admin' }), rule: adminOnly, validation: { caller: 'admin', wrongType: () => ({ name: 'Mallory', email: 'mallory@durand.example', password, role: 42 }) } },
  { name: 'PATCH /api/users/:id', method: 'PATCH', path: (w) => `/api/users/${w.people.contributor}`, body: () => ({ role: 'admin' }), rule: rule(adminOnly, { outsider: 404 }), validation: { caller: 'admin', wrongType: () => ({ name: 42 }) } },
  { name: 'POST /api/users/:id/revoke-sessions', method: 'POST', path: (w) => `/api/users/${w.people.spare}/revoke-sessions`, rule: rule(adminOnly, { outsider: 404 }), validation: { caller: 'admin', wrongType: () => [] } },
  { name: 'POST /api/groups', method: 'POST', path: () => '/api/groups', body: () => ({ name: 'Intruders', members: [] }), rule: adminOnly, validation: { caller: 'admin', wrongType: () => ({ name: 42 }) } },
  { name: 'PUT /api/groups/:id/members', method: 'PUT', path: (w) => `/api/groups/${w.ids.group}/members`, body: (w) => ({ members: [w.people.stranger] }), rule: rule(adminOnly, { outsider: 404 }), validation: { caller: 'admin', wrongType: () => ({ members: 'everyone' }) } },

  // Activities
  { name: 'POST /api/activities', method: 'POST', path: () => '/api/activities', body: () => ({ title: 'Rogue', question: 'Should this activity exist at all?' }), rule: signedIn, validation: { caller: 'facilitator', wrongType: () => ({ title: 42, question: 'Should this activity exist at all?' }) } },
  { name: 'PATCH /api/activities/:id', method: 'PATCH', path: (w) => `/api/activities/${w.ids.sealed}`, body: () => ({ title: 'Hijacked' }), rule: facilitatorOnly, validation: { caller: 'facilitator', wrongType: () => ({ title: 42 }) } },
  { name: 'POST /api/activities/:id/members', method: 'POST', path: (w) => `/api/activities/${w.ids.sealed}/members`, body: (w) => ({ userId: w.people.stranger, role: 'facilitator' }), rule: facilitatorOnly, validation: { caller: 'facilitator', wrongType: (w) => ({ userId: w.people.stranger, role: 42 }) } },
  { name: 'PATCH /api/activities/:id/members/users/:id', method: 'PATCH', path: (w) => `/api/activities/${w.ids.sealed}/members/users/${w.people.viewer}`, body: () => ({ role: 'facilitator' }), rule: facilitatorOnly, validation: { caller: 'facilitator', wrongType: () => ({ role: 42 }) } },
  { name: 'DELETE /api/activities/:id/members/users/:id', method: 'DELETE', path: (w) => `/api/activities/${w.ids.sealed}/members/users/${w.people.viewer}`, rule: facilitatorOnly },
  { name: 'POST /api/activities/:id/sync-ticket', method: 'POST', path: (w) => `/api/activities/${w.ids.sealed}/sync-ticket`, rule: memberReads, validation: { caller: 'facilitator', wrongType: () => [] } },

  // Polls
  { name: 'POST /api/activities/:id/polls', method: 'POST', path: (w) => `/api/activities/${w.ids.sealed}/polls`, body: () => ({ ...singlePoll, deadline: later() }), rule: facilitatorOnly, validation: { caller: 'facilitator', wrongType: () => ({ ...singlePoll, options: 'Red', deadline: later() }) } },
  { name: 'POST /api/polls/:id/votes', method: 'POST', path: (w) => `/api/polls/${w.ids.single}/votes`, body: () => ({ choice: 'Alpha' }), rule: memberEdits, validation: { caller: 'contributor', wrongType: () => ({ choice: 42 }) } },
  { name: 'POST /api/polls/:id/reveal', method: 'POST', path: (w) => `/api/polls/${w.ids.single}/reveal`, rule: facilitatorOnly, validation: { caller: 'facilitator', wrongType: () => [] } },
  { name: 'POST /api/polls/:id/rounds', method: 'POST', path: (w) => `/api/polls/${w.ids.single}/rounds`, body: () => ({ deadline: later() }), rule: facilitatorOnly, validation: { caller: 'facilitator', wrongType: () => ({ deadline: 42 }) } },
  { name: 'POST /api/polls/:id/block-answers', method: 'POST', path: (w) => `/api/polls/${w.ids.consent}/block-answers`, body: () => ({ key: 'someone', answer: 'Noted.' }), rule: facilitatorOnly, validation: { caller: 'facilitator', wrongType: () => ({ key: 42, answer: 'Noted.' }) } },

  // Decisions
  { name: 'POST /api/activities/:id/decision', method: 'POST', path: (w) => `/api/activities/${w.ids.decided}/decision`, body: () => ({ outcome: 'We stay.', rationale: 'Cheaper.' }), rule: facilitatorOnly, validation: { caller: 'facilitator', wrongType: () => ({ outcome: 42, rationale: 'Cheaper.' }) } },
  { name: 'POST /api/activities/:id/decision/acknowledgement', method: 'POST', path: (w) => `/api/activities/${w.ids.decided}/decision/acknowledgement`, rule: memberReads, validation: { caller: 'contributor', wrongType: () => [] } },
  // Members may rate only from the review date on (two months ahead): 409 for them now.
  { name: 'POST /api/activities/:id/decision/ratings', method: 'POST', path: (w) => `/api/activities/${w.ids.decided}/decision/ratings`, body: () => ({ rating: 1 }), rule: rule(memberReads, { facilitator: 409, contributor: 409, viewer: 409 }), validation: { caller: 'contributor', wrongType: () => ({ rating: 'five' }) } },
  { name: 'POST /api/decision-notices/:id/read', method: 'POST', path: (w) => `/api/decision-notices/${w.ids.decisionNotice}/read`, rule: ownerOnly('contributor'), validation: { caller: 'contributor', wrongType: () => [] } },

  // Ideas
  { name: 'POST /api/activities/:id/ideas', method: 'POST', path: (w) => `/api/activities/${w.ids.box}/ideas`, body: () => ({ title: 'Car sharing', text: 'Share cars between sites.', category: 'Travel' }), rule: memberEdits, validation: { caller: 'contributor', wrongType: () => ({ title: 42, text: 'Share cars.', category: 'Travel' }) } },
  // The contributor wrote the idea: she may not vote for it.
  { name: 'POST /api/ideas/:id/votes', method: 'POST', path: (w) => `/api/ideas/${w.ids.idea}/votes`, body: () => ({}), rule: rule(memberEdits, { contributor: 403 }), validation: { caller: 'facilitator', wrongType: () => [] } },
  { name: 'DELETE /api/ideas/:id/votes', method: 'DELETE', path: (w) => `/api/ideas/${w.ids.idea}/votes`, rule: memberEdits },
  { name: 'POST /api/ideas/:id/status', method: 'POST', path: (w) => `/api/ideas/${w.ids.idea}/status`, body: () => ({ status: 'implemented' }), rule: facilitatorOnly, validation: { caller: 'facilitator', wrongType: () => ({ status: 42 }) } },
  { name: 'POST /api/ideas/:id/hidden', method: 'POST', path: (w) => `/api/ideas/${w.ids.idea}/hidden`, body: () => ({ reason: 'Off topic.' }), rule: facilitatorOnly, validation: { caller: 'facilitator', wrongType: () => ({ reason: 42 }) } },
  // A hidden idea exists only for its author (who may not show it again) and the facilitators.
  { name: 'DELETE /api/ideas/:id/hidden', method: 'DELETE', path: (w) => `/api/ideas/${w.ids.hiddenIdea}/hidden`, rule: rule(facilitatorOnly, { viewer: 404 }) },
  { name: 'POST /api/idea-notices/:id/read', method: 'POST', path: (w) => `/api/idea-notices/${w.ids.ideaNotice}/read`, rule: ownerOnly('contributor') },

  // Daily figures (an ERP key writes values of its own figures only)
  { name: 'POST /api/figures/alerts/:id/read', method: 'POST', path: () => '/api/figures/alerts/NoSuchAlert01/read', rule: rule(controllers, { outsider: 404 }), validation: { caller: 'controller', wrongType: () => [] } },
  { name: 'POST /api/figures/import (another figure)', method: 'POST', path: () => '/api/figures/import', body: (w) => ({ csv: `figure,date,value\nVisitors,${w.day},1\n` }), rule: rule(controllers, { erp: 400, outsider: 400 }), validation: { caller: 'controller', wrongType: () => ({ csv: 42 }) } },
  { name: 'POST /api/figures/schedules', method: 'POST', path: () => '/api/figures/schedules', body: (w) => ({ figureId: w.ids.figure, listId: w.ids.list, enabled: false }), rule: rule(controllers, { outsider: 404 }), validation: { caller: 'controller', wrongType: (w) => ({ figureId: 42, listId: w.ids.list }) } },
  { name: 'PATCH /api/figures/schedules/:id', method: 'PATCH', path: (w) => `/api/figures/schedules/${w.ids.schedule}`, body: () => ({ enabled: true }), rule: rule(controllers, { outsider: 404 }), validation: { caller: 'controller', wrongType: () => ({ enabled: 'yes' }) } },
  { name: 'DELETE /api/figures/schedules/:id', method: 'DELETE', path: (w) => `/api/figures/schedules/${w.ids.schedule}`, rule: rule(controllers, { outsider: 404 }) },
  { name: 'POST /api/figures/api-keys', method: 'POST', path: () => '/api/figures/api-keys', body: (w) => ({ name: 'Rogue', figureIds: [w.ids.figure] }), rule: rule(adminOnly, { outsider: 400 }), validation: { caller: 'admin', wrongType: (w) => ({ name: 42, figureIds: [w.ids.figure] }) } },
  { name: 'DELETE /api/figures/api-keys/:id', method: 'DELETE', path: (w) => `/api/figures/api-keys/${w.ids.apiKey}`, rule: rule(adminOnly, { outsider: 404 }) },
  { name: 'PUT /api/figures/controllers/:userId', method: 'PUT', path: (w) => `/api/figures/controllers/${w.people.spare}`, rule: rule(adminOnly, { outsider: 404 }), validation: { caller: 'admin', wrongType: () => [] } },
  { name: 'DELETE /api/figures/controllers/:userId', method: 'DELETE', path: (w) => `/api/figures/controllers/${w.people.controller}`, rule: rule(adminOnly, { outsider: 404 }) },
  { name: 'POST /api/figures', method: 'POST', path: () => '/api/figures', body: () => ({ label: 'Rogue figure' }), rule: controllers, validation: { caller: 'controller', wrongType: () => ({ label: 42 }) } },
  { name: 'PATCH /api/figures/:id', method: 'PATCH', path: (w) => `/api/figures/${w.ids.figure}`, body: () => ({ label: 'Renamed' }), rule: rule(controllers, { outsider: 404 }), validation: { caller: 'controller', wrongType: () => ({ decimals: 'two' }) } },
  { name: 'PUT /api/figures/:id/values/:date', method: 'PUT', path: (w) => `/api/figures/${w.ids.figure}/values/${w.day}`, body: () => ({ value: 1 }), rule: rule(controllers, { erp: allowed, outsider: 404 }), validation: { caller: 'erp', wrongType: () => ({ value: '1' }) } },
  { name: 'PUT /api/figures/:id/values/:date (out of the key\'s scope)', method: 'PUT', path: (w) => `/api/figures/${w.ids.otherFigure}/values/${w.day}`, body: () => ({ value: 1 }), rule: rule(controllers, { erp: 403, outsider: 404 }) },
  { name: 'POST /api/figures/:id/import', method: 'POST', path: (w) => `/api/figures/${w.ids.figure}/import`, body: (w) => ({ csv: `date,value\n${w.day},1\n` }), rule: rule(controllers, { erp: allowed, outsider: 404 }), validation: { caller: 'erp', wrongType: () => ({ csv: ['date,value'] }) } },
  { name: 'POST /api/figures/:id/import (out of the key\'s scope)', method: 'POST', path: (w) => `/api/figures/${w.ids.otherFigure}/import`, body: (w) => ({ csv: `date,value\n${w.day},1\n` }), rule: rule(controllers, { erp: 403, outsider: 404 }) },
  { name: 'POST /api/figures/:id/preview', method: 'POST', path: (w) => `/api/figures/${w.ids.figure}/preview`, body: (w) => ({ date: w.day, listId: w.ids.list }), rule: rule(controllers, { outsider: 404 }), validation: { caller: 'controller', wrongType: (w) => ({ date: 42, listId: w.ids.list }) } },
  { name: 'POST /api/figures/:id/send', method: 'POST', path: (w) => `/api/figures/${w.ids.figure}/send`, body: (w) => ({ date: w.day, listId: w.ids.list }), rule: rule(controllers, { outsider: 404 }), validation: { caller: 'controller', wrongType: (w) => ({ date: w.day, listId: 42 }) } },
  { name: 'POST /api/lists', method: 'POST', path: () => '/api/lists', body: (w) => ({ name: 'Rogue list', members: [w.people.stranger] }), rule: rule(controllers, { outsider: 400 }), validation: { caller: 'controller', wrongType: () => ({ name: 42 }) } },
  { name: 'PUT /api/lists/:id', method: 'PUT', path: (w) => `/api/lists/${w.ids.list}`, body: (w) => ({ name: 'Managers', members: [w.people.stranger] }), rule: rule(controllers, { outsider: 404 }), validation: { caller: 'controller', wrongType: () => ({ name: 'Managers', members: 'all' }) } },

  // SMS
  { name: 'POST /api/sms/preview', method: 'POST', path: () => '/api/sms/preview', body: () => ({ text: 'Hello' }), rule: signedIn, validation: { caller: 'contributor', wrongType: () => ({ text: 42 }) } },
  { name: 'POST /api/sms/messages', method: 'POST', path: () => '/api/sms/messages', body: () => ({ to: '+33699999999', text: 'Hello from a rogue sender' }), rule: rule(adminOnly, { outsider: 422 }), validation: { caller: 'admin', wrongType: () => ({ to: '+33699999999', text: 42 }) } },
  { name: 'PUT /api/sms/consents/:userId', method: 'PUT', path: (w) => `/api/sms/consents/${w.people.contributor}`, body: () => ({ optIn: false }), rule: selfOrAdmin('contributor'), validation: { caller: 'contributor', wrongType: () => ({ optIn: 'no' }) } },
  { name: 'PATCH /api/sms/settings', method: 'PATCH', path: () => '/api/sms/settings', body: () => ({ currency: 'USD' }), rule: adminOnly, validation: { caller: 'admin', wrongType: () => ({ currency: 42 }) } },
  { name: 'POST /api/sms/outbox/replies', method: 'POST', path: () => '/api/sms/outbox/replies', body: () => ({ from: '+33612345602', text: 'STOP' }), rule: adminOnly, validation: { caller: 'admin', wrongType: () => ({ from: '+33612345602', text: 42 }) } },
  { name: 'POST /api/sms/outbox/receipts', method: 'POST', path: () => '/api/sms/outbox/receipts', body: (w) => ({ messageId: w.ids.smsToContributor, status: 'undelivered' }), rule: rule(adminOnly, { outsider: 404 }), validation: { caller: 'admin', wrongType: (w) => ({ messageId: w.ids.smsToContributor, status: 42 }) } },
];
