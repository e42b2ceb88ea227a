import type { SaveTemplateRequest } from '#core/api/templates';
import type { ApiClient } from '../api/client.ts';
import * as endpoints from '../api/templates.ts';

/** Saving an activity as the organisation's template, and removing one; each throws the relay's ApiError. */
export const saveTemplate = (api: ApiClient, input: SaveTemplateRequest) => endpoints.saveTemplate(api, input);
export const removeTemplate = (api: ApiClient, id: string) => endpoints.removeTemplate(api, id);
