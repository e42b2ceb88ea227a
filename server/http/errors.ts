import { ErrorCode, statusOf, type ApiErrorBody, type ValidationIssue } from '#core/api/errors';

/** An error the client caused and may read: it becomes `{"error": {code, message}}`. */
export class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ValidationIssue[],
    /** Headers that go with the answer, such as `retry-after`. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  get status(): number {
    return statusOf[this.code];
  }

  toBody(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } };
  }
}

export const notFound = (what = 'resource') => new HttpError(ErrorCode.notFound, `No such ${what}.`);
export const forbidden = (message = 'You may not do this.') => new HttpError(ErrorCode.forbidden, message);
export const conflict = (message: string) => new HttpError(ErrorCode.conflict, message);
export const badRequest = (message: string) => new HttpError(ErrorCode.badRequest, message);
