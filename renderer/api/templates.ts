import { z } from 'zod';
import { ActivityTemplates, type SaveTemplateRequest } from '#core/api/templates';
import type { ApiClient } from './client.ts';

/** Activity templates (core/api/templates.ts). */
export const listTemplates = (api: ApiClient) => api.call('GET', '/api/activity-templates', ActivityTemplates);
export const saveTemplate = (api: ApiClient, input: SaveTemplateRequest) => api.call('POST', '/api/activity-templates', z.object({ id: z.string() }), input);
export const removeTemplate = (api: ApiClient, id: string) => api.call('DELETE', `/api/activity-templates/${encodeURIComponent(id)}`, z.unknown());
