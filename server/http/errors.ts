import { ErrorCode, statusOf, type ApiErrorBody } from '#core/api/errors';
import { Refusal } from '../errors.ts';
import type { Reply } from './router.ts';

/** The one place a refusal becomes HTTP: its status from `statusOf`, its JSON body, its headers. */
export function errorReply(refusal: Refusal): Reply {
  const body: ApiErrorBody = {
    error: {
      code: refusal.code,
      message: refusal.message,
      ...(refusal.issues ? { issues: refusal.issues } : {}),
      ...(refusal.planLimit ? { planLimit: refusal.planLimit } : {}),
    },
  };
  return { status: statusOf[refusal.code], body, ...(refusal.headers ? { headers: refusal.headers } : {}) };
}

/** Anything else that escaped a handler: a 500 that tells nothing of the inside. */
export const internalRefusal = () => new Refusal(ErrorCode.internal, 'Something went wrong on the relay.');
