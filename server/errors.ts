import { ErrorCode, type PlanLimitDetail, type ValidationIssue } from '#core/api/errors';

/**
 * A refusal the caller caused and may read: a code from `ErrorCode`, a sentence, and
 * for forms the fields at fault. Features throw it; the HTTP edge (`http/errors.ts`)
 * turns it into a status and a `{"error": {code, message}}` body, once.
 */
export class Refusal extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ValidationIssue[],
    /** Headers that go with the answer, such as `retry-after`. */
    readonly headers?: Record<string, string>,
    /** A plan_limit refusal's figures (core/api/errors.ts), sent with it. */
    readonly planLimit?: PlanLimitDetail,
  ) {
    super(message);
  }
}

export const notFound = (what = 'resource') => new Refusal(ErrorCode.notFound, `No such ${what}.`);
export const forbidden = (message = 'You may not do this.') => new Refusal(ErrorCode.forbidden, message);
export const conflict = (message: string) => new Refusal(ErrorCode.conflict, message);
export const badRequest = (message: string) => new Refusal(ErrorCode.badRequest, message);
