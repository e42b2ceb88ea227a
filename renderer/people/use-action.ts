import { useState, type FormEvent } from 'react';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useI18n } from '../i18n/index.tsx';

/** A form's submit: busy while it runs, the relay's refusal shown (links' codes in words). */
export function useAction() {
  const { t } = useI18n();
  const errors = useFormErrors();
  const [busy, setBusy] = useState(false);
  const linkWords = { link_used: t('link.used'), link_expired: t('link.expired'), link_revoked: t('link.revoked'), not_found: t('link.unknown') };
  return {
    busy,
    errors,
    /** Runs `work` for a form event (or a click); true when it succeeded. */
    async run(work: () => Promise<unknown>, event?: FormEvent, overrides?: Partial<Record<string, string>>): Promise<boolean> {
      event?.preventDefault();
      errors.clear();
      setBusy(true);
      try {
        await work();
        return true;
      } catch (err) {
        errors.show(err, { ...linkWords, ...overrides });
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}
