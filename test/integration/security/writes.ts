import { adminOnly, everyone, type Expected, type Rule } from './rules.ts';
import { boardWrites } from './writes-boards.ts';
import { fileWrites } from './writes-files.ts';
import { reportingWrites } from './writes-reporting.ts';
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
   * What a guest (invited to the sealed board from outside) gets, where it differs from
   * the rule's answer for them (their activity's contributor, or a member of no activity).
   */
  guest?: Expected;
  /**
   * A caller allowed to call it, and the valid body with one field of the wrong type (for
   * an endpoint that takes no body, any body but `{}` is bad input).
   */
  validation?: { caller: CallerName; wrongType: (w: World) => unknown };
}

/** Organisations: asking for another confirmation link once confirmed, and opening a link that does not exist. */
const organizationWrites: Write[] = [
  {
    name: 'POST /api/organization/confirmation',
    method: 'POST',
    path: () => '/api/organization/confirmation',
    rule: { ...everyone(409), anon: 401, erp: 401 },
  },
  {
    name: 'POST /api/signup-confirmations/:token (unknown)',
    method: 'POST',
    path: () => `/api/signup-confirmations/${'x'.repeat(32)}`,
    rule: everyone(404),
  },
  {
    // The outsider administers another organisation: this organisation's group is no group of theirs (400, nothing set).
    name: 'PUT /api/organization/rights/:right',
    method: 'PUT',
    path: () => '/api/organization/rights/createActivities',
    body: (w) => ({ everyone: false, groups: [w.ids.group] }),
    rule: { ...adminOnly, outsider: 400 },
    validation: { caller: 'admin', wrongType: (w) => ({ everyone: 'no', groups: [w.ids.group] }) },
  },
  {
    name: 'PUT /api/organization/retention',
    method: 'PUT',
    path: () => '/api/organization/retention',
    body: () => ({ keepDecisions: true }),
    rule: adminOnly,
    validation: { caller: 'admin', wrongType: () => ({ keepDecisions: 'no' }) },
  },
];

export const writes: Write[] = [...boardWrites, ...fileWrites, ...reportingWrites, ...organizationWrites];
