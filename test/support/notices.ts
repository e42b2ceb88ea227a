import type { ActivityNotice } from '#core/api/notifications';
import type { Api } from './api.ts';
import { queryStore } from './store-reader.ts';

/** The caller's activity notices, newest first (GET /api/me/notices). */
export const noticesOf = async (api: Api) => (await api.ok<{ notices: ActivityNotice[] }>('GET', '/api/me/notices')).notices;

/** The kinds of the e-mails the relay queued for `email`, in order, read from its store. */
export const mailKindsTo = (dataDir: string, email: string) =>
  queryStore<{ kind: string }>(dataDir, 'SELECT kind FROM mail_messages WHERE to_address = ? ORDER BY seq', [email]).then((rows) => rows.map((r) => r.kind));
