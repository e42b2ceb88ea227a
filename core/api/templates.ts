import { z } from 'zod';
import { Blueprint } from '../doc/templates.ts';
import { lineText } from '../text/clean.ts';
import { Id } from './common.ts';

/**
 * Activity templates through the API (what a template holds: core/doc/templates.ts).
 *
 * - `POST /api/activities` `{title, question, template?}`: `template` names a built-in
 *   template (`"meeting"`, `"decision"`…) or one the caller's organisation saved (its id);
 *   the relay seeds the document with its boards in the transaction that creates the activity.
 * - `GET /api/activity-templates` → `ActivityTemplates`: the built-in ones and the
 *   organisation's (any member of the organisation; not guests).
 * - `POST /api/activity-templates` `SaveTemplateRequest` → `{id}`: a facilitator of the
 *   activity who may create activities saves it under a name unique in the organisation.
 * - `DELETE /api/activity-templates/:id`: whoever saved it, or an administrator.
 */
export const TemplateRef = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a template');
export const TemplateName = lineText().min(1, 'a template needs a name').max(80, 'a template name has at most 80 characters');

export const SaveTemplateRequest = z.strictObject({ activityId: Id, name: TemplateName });
export type SaveTemplateRequest = z.infer<typeof SaveTemplateRequest>;

export const SavedTemplate = z.object({
  id: Id,
  name: z.string(),
  blueprint: Blueprint,
  createdBy: Id,
  createdByName: z.string(),
  createdAt: z.string(),
  /** Whether the caller may remove it (who saved it, or an administrator). */
  mayRemove: z.boolean(),
});
export type SavedTemplate = z.infer<typeof SavedTemplate>;

export const BuiltInTemplate = z.object({ id: z.string(), blueprint: Blueprint });
export type BuiltInTemplate = z.infer<typeof BuiltInTemplate>;

export const ActivityTemplates = z.object({ builtIn: z.array(BuiltInTemplate), saved: z.array(SavedTemplate) });
export type ActivityTemplates = z.infer<typeof ActivityTemplates>;

/** Templates an organisation keeps at most. */
export const maxSavedTemplates = 100;
