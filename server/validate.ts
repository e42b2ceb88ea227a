import type { z } from 'zod';
import { ErrorCode } from '#core/api/errors';
import { Refusal } from './errors.ts';

/** The value as `schema` reads it, or a `validation` refusal naming each field at fault. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
  const first = issues[0];
  const message = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'Invalid request.';
  throw new Refusal(ErrorCode.validation, message, issues);
}
