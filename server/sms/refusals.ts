import { ErrorCode } from '#core/api/errors';
import { Refusal } from '../errors.ts';
import { RefusalReason, SmsRefused } from './gateway.ts';

/** Refusals with an error code of their own; the others are `sms_refused`, the reason in the issue. */
const codeOf: Partial<Record<RefusalReason, ErrorCode>> = {
  [RefusalReason.overBudget]: ErrorCode.overBudget,
  [RefusalReason.tooLong]: ErrorCode.smsTooLong,
  [RefusalReason.senderQuota]: ErrorCode.rateLimited,
};

/** The gateway's refusals (`SmsRefused`), as refusals the caller reads: a code, a sentence, the reason. */
export async function withSmsRefusals<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (!(err instanceof SmsRefused)) throw err;
    const code = codeOf[err.reason] ?? ErrorCode.smsRefused;
    throw new Refusal(code, err.message, [{ path: err.reason === RefusalReason.invalidNumber ? 'to' : '', message: err.reason }]);
  }
}
