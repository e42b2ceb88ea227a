import { password } from '../../support/api.ts';
import { adminOnly, everyone, facilitatorOnly, memberEdits, memberReads, ownerOnly, rule, signedIn } from './rules.ts';
import type { Write } from './writes.ts';

/** Accounts, activities, polls, decisions and the idea box. */
const later = () => new Date(Date.now() + 10 * 86_400_000).toISOString();
const singlePoll = { kind: 'single', question: 'Which colour for the new logo?', options: ['Red', 'Blue'], rule: 'plurality' };

export const boardWrites: Write[] = [
  // Accounts
  {
    name: 'POST /api/setup',
    method: 'POST',
    path: () => '/api/setup',
    body: () => ({ organization: 'Rival', name: 'Mallory', email: 'mallory@rival.example', password }),
    rule: everyone(409),
    validation: { caller: 'anon', wrongType: () => ({ organization: 42, name: 'Mallory', email: 'mallory@rival.example', password }) },
  },
  {
    name: 'POST /api/session (wrong password)',
    method: 'POST',
    path: () => '/api/session',
    body: () => ({ email: 'alice@durand.example', password: 'not the password' }),
    rule: everyone(401),
    validation: { caller: 'anon', wrongType: () => ({ email: 'alice@durand.example', password: 42 }) },
  },
  {
    name: 'POST /api/users',
    method: 'POST',
    path: () => '/api/users',
    body: () => ({ name: 'Mallory', email: 'mallory@durand.example', password, role: 'admin' }),
    rule: adminOnly,
    validation: { caller: 'admin', wrongType: () => ({ name: 'Mallory', email: 'mallory@durand.example', password, role: 42 }) },
  },
  {
    name: 'PATCH /api/users/:id',
    method: 'PATCH',
    path: (w) => `/api/users/${w.people.contributor}`,
    body: () => ({ role: 'admin' }),
    rule: rule(adminOnly, { outsider: 404 }),
    validation: { caller: 'admin', wrongType: () => ({ name: 42 }) },
  },
  {
    name: 'POST /api/users/:id/revoke-sessions',
    method: 'POST',
    path: (w) => `/api/users/${w.people.spare}/revoke-sessions`,
    rule: rule(adminOnly, { outsider: 404 }),
    validation: { caller: 'admin', wrongType: () => [] },
  },
  {
    name: 'POST /api/groups',
    method: 'POST',
    path: () => '/api/groups',
    body: () => ({ name: 'Intruders', members: [] }),
    rule: adminOnly,
    validation: { caller: 'admin', wrongType: () => ({ name: 42 }) },
  },
  {
    name: 'PUT /api/groups/:id/members',
    method: 'PUT',
    path: (w) => `/api/groups/${w.ids.group}/members`,
    body: (w) => ({ members: [w.people.stranger] }),
    rule: rule(adminOnly, { outsider: 404 }),
    validation: { caller: 'admin', wrongType: () => ({ members: 'everyone' }) },
  },
  {
    name: 'PATCH /api/groups/:id',
    method: 'PATCH',
    path: (w) => `/api/groups/${w.ids.group}`,
    body: () => ({ name: 'Hijacked' }),
    rule: rule(adminOnly, { outsider: 404 }),
    validation: { caller: 'admin', wrongType: () => ({ name: 42 }) },
  },
  {
    name: 'POST /api/groups/:id/members',
    method: 'POST',
    path: (w) => `/api/groups/${w.ids.group}/members`,
    body: (w) => ({ userId: w.people.stranger }),
    rule: rule(adminOnly, { outsider: 404 }),
    validation: { caller: 'admin', wrongType: () => ({ userId: 42 }) },
  },
  {
    name: 'DELETE /api/groups/:id/members/:userId',
    method: 'DELETE',
    path: (w) => `/api/groups/${w.ids.group}/members/${w.people.contributor}`,
    rule: rule(adminOnly, { outsider: 404 }),
  },
  {
    name: 'DELETE /api/groups/:id',
    method: 'DELETE',
    path: (w) => `/api/groups/${w.ids.group}`,
    rule: rule(adminOnly, { outsider: 404 }),
  },

  // Activities
  {
    name: 'POST /api/activities',
    method: 'POST',
    path: () => '/api/activities',
    body: () => ({ title: 'Rogue', question: 'Should this activity exist at all?' }),
    rule: signedIn,
    // Guests see and do only the activity they were invited to: they open none.
    guest: 403,
    validation: { caller: 'facilitator', wrongType: () => ({ title: 42, question: 'Should this activity exist at all?' }) },
  },
  {
    name: 'PATCH /api/activities/:id',
    method: 'PATCH',
    path: (w) => `/api/activities/${w.ids.sealed}`,
    body: () => ({ title: 'Hijacked' }),
    rule: facilitatorOnly,
    validation: { caller: 'facilitator', wrongType: () => ({ title: 42 }) },
  },
  {
    name: 'POST /api/activities/:id/members',
    method: 'POST',
    path: (w) => `/api/activities/${w.ids.sealed}/members`,
    body: (w) => ({ userId: w.people.stranger, role: 'facilitator' }),
    rule: facilitatorOnly,
    validation: { caller: 'facilitator', wrongType: (w) => ({ userId: w.people.stranger, role: 42 }) },
  },
  {
    name: 'PATCH /api/activities/:id/members/users/:id',
    method: 'PATCH',
    path: (w) => `/api/activities/${w.ids.sealed}/members/users/${w.people.viewer}`,
    body: () => ({ role: 'facilitator' }),
    rule: facilitatorOnly,
    validation: { caller: 'facilitator', wrongType: () => ({ role: 42 }) },
  },
  {
    name: 'DELETE /api/activities/:id/members/users/:id',
    method: 'DELETE',
    path: (w) => `/api/activities/${w.ids.sealed}/members/users/${w.people.viewer}`,
    rule: facilitatorOnly,
  },
  {
    name: 'POST /api/activities/:id/sync-ticket',
    method: 'POST',
    path: (w) => `/api/activities/${w.ids.sealed}/sync-ticket`,
    rule: memberReads,
    validation: { caller: 'facilitator', wrongType: () => [] },
  },

  // Polls
  {
    name: 'POST /api/activities/:id/polls',
    method: 'POST',
    path: (w) => `/api/activities/${w.ids.sealed}/polls`,
    body: () => ({ ...singlePoll, deadline: later() }),
    rule: facilitatorOnly,
    validation: { caller: 'facilitator', wrongType: () => ({ ...singlePoll, options: 'Red', deadline: later() }) },
  },
  {
    name: 'POST /api/activities/:id/actions',
    method: 'POST',
    path: (w) => `/api/activities/${w.ids.sealed}/actions`,
    body: (w) => ({ title: 'Call the landlord', ownerId: w.people.contributor, due: '2027-01-15' }),
    rule: memberEdits,
    validation: { caller: 'facilitator', wrongType: (w) => ({ title: 'Call the landlord', ownerId: w.people.contributor, due: 20270115 }) },
  },
  {
    name: 'POST /api/polls/:id/votes',
    method: 'POST',
    path: (w) => `/api/polls/${w.ids.single}/votes`,
    body: () => ({ choice: 'Alpha' }),
    rule: memberEdits,
    validation: { caller: 'contributor', wrongType: () => ({ choice: 42 }) },
  },
  {
    name: 'POST /api/polls/:id/reveal',
    method: 'POST',
    path: (w) => `/api/polls/${w.ids.single}/reveal`,
    rule: facilitatorOnly,
    validation: { caller: 'facilitator', wrongType: () => [] },
  },
  {
    name: 'POST /api/polls/:id/rounds',
    method: 'POST',
    path: (w) => `/api/polls/${w.ids.single}/rounds`,
    body: () => ({ deadline: later() }),
    rule: facilitatorOnly,
    validation: { caller: 'facilitator', wrongType: () => ({ deadline: 42 }) },
  },
  {
    name: 'POST /api/polls/:id/block-answers',
    method: 'POST',
    path: (w) => `/api/polls/${w.ids.consent}/block-answers`,
    body: () => ({ key: 'someone', answer: 'Noted.' }),
    rule: facilitatorOnly,
    validation: { caller: 'facilitator', wrongType: () => ({ key: 42, answer: 'Noted.' }) },
  },

  // Decisions
  {
    name: 'POST /api/activities/:id/decision',
    method: 'POST',
    path: (w) => `/api/activities/${w.ids.decided}/decision`,
    body: () => ({ outcome: 'We stay.', rationale: 'Cheaper.' }),
    rule: facilitatorOnly,
    validation: { caller: 'facilitator', wrongType: () => ({ outcome: 42, rationale: 'Cheaper.' }) },
  },
  {
    name: 'POST /api/activities/:id/decision/acknowledgement',
    method: 'POST',
    path: (w) => `/api/activities/${w.ids.decided}/decision/acknowledgement`,
    rule: memberReads,
    validation: { caller: 'contributor', wrongType: () => [] },
  },
  // Members may rate only from the review date on (two months ahead): 409 for them now.
  {
    name: 'POST /api/activities/:id/decision/ratings',
    method: 'POST',
    path: (w) => `/api/activities/${w.ids.decided}/decision/ratings`,
    body: () => ({ rating: 1 }),
    rule: rule(memberReads, { facilitator: 409, contributor: 409, viewer: 409 }),
    validation: { caller: 'contributor', wrongType: () => ({ rating: 'five' }) },
  },
  {
    name: 'POST /api/decision-notices/:id/read',
    method: 'POST',
    path: (w) => `/api/decision-notices/${w.ids.decisionNotice}/read`,
    rule: ownerOnly('contributor'),
    validation: { caller: 'contributor', wrongType: () => [] },
  },

  // Ideas
  {
    name: 'POST /api/activities/:id/ideas',
    method: 'POST',
    path: (w) => `/api/activities/${w.ids.box}/ideas`,
    body: () => ({ title: 'Car sharing', text: 'Share cars between sites.', category: 'Travel' }),
    rule: memberEdits,
    validation: { caller: 'contributor', wrongType: () => ({ title: 42, text: 'Share cars.', category: 'Travel' }) },
  },
  // The contributor wrote the idea: she may not vote for it.
  {
    name: 'POST /api/ideas/:id/votes',
    method: 'POST',
    path: (w) => `/api/ideas/${w.ids.idea}/votes`,
    body: () => ({}),
    rule: rule(memberEdits, { contributor: 403 }),
    validation: { caller: 'facilitator', wrongType: () => [] },
  },
  { name: 'DELETE /api/ideas/:id/votes', method: 'DELETE', path: (w) => `/api/ideas/${w.ids.idea}/votes`, rule: memberEdits },
  {
    name: 'POST /api/ideas/:id/status',
    method: 'POST',
    path: (w) => `/api/ideas/${w.ids.idea}/status`,
    body: () => ({ status: 'implemented' }),
    rule: facilitatorOnly,
    validation: { caller: 'facilitator', wrongType: () => ({ status: 42 }) },
  },
  {
    name: 'POST /api/ideas/:id/hidden',
    method: 'POST',
    path: (w) => `/api/ideas/${w.ids.idea}/hidden`,
    body: () => ({ reason: 'Off topic.' }),
    rule: facilitatorOnly,
    validation: { caller: 'facilitator', wrongType: () => ({ reason: 42 }) },
  },
  // A hidden idea exists only for its author (who may not show it again) and the facilitators.
  {
    name: 'DELETE /api/ideas/:id/hidden',
    method: 'DELETE',
    path: (w) => `/api/ideas/${w.ids.hiddenIdea}/hidden`,
    rule: rule(facilitatorOnly, { viewer: 404 }),
  },
  {
    name: 'POST /api/idea-notices/:id/read',
    method: 'POST',
    path: (w) => `/api/idea-notices/${w.ids.ideaNotice}/read`,
    rule: ownerOnly('contributor'),
    validation: { caller: 'contributor', wrongType: () => [] },
  },
];
