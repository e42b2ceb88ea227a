import { z } from 'zod';
import type { ForMe } from '#core/api/for-me';
import type { ApiClient } from './client.ts';

const ForMeAnswer = z.custom<ForMe>((v) => typeof v === 'object' && v !== null && 'votes' in v && 'byActivity' in v);

/** What needs the signed-in person (server/for-me). */
export const forMe = (api: ApiClient) => api.call('GET', '/api/me/for-me', ForMeAnswer);
