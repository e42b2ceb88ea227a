import type { MessageKey } from '../i18n/index.tsx';

/**
 * A check an action makes before anything is sent, about one field of its form (a typed
 * number, a price): thrown like the relay's refusals, shown under that field by
 * `useSubmit` in the app's language.
 */
export class FieldIssue extends Error {
  constructor(
    readonly field: string,
    readonly key: MessageKey,
  ) {
    super(`${field}: ${key}`);
  }
}
