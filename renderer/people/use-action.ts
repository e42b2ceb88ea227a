import type { FormEvent } from 'react';
import { useSubmit, type Refusals } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';

/** useSubmit for the people screens: the links' refusal codes (used, expired…) in words. */
export function useAction() {
  const { t } = useI18n();
  const submission = useSubmit();
  const linkWords: Refusals = { link_used: t('link.used'), link_expired: t('link.expired'), link_revoked: t('link.revoked'), not_found: t('link.unknown') };
  return {
    busy: submission.busy,
    errors: { field: submission.field, message: submission.message },
    /** Runs `work` for a form event (or a click); true when it succeeded. */
    run(work: () => Promise<unknown>, event?: FormEvent, overrides?: Refusals): Promise<boolean> {
      event?.preventDefault();
      return submission.run(work, { ...linkWords, ...overrides });
    },
  };
}
