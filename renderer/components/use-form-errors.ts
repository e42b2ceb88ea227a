import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/index.tsx';

/** Turns a relay refusal into a form message and per-field messages. */
export function useFormErrors() {
  const { t } = useI18n();
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return {
    message,
    field: (name: string) => error?.issueFor(name),
    clear() {
      setError(null);
      setMessage(null);
    },
    show(err: unknown, override?: Partial<Record<string, string>>) {
      if (err instanceof ApiError) {
        setError(err);
        const custom = override?.[err.code];
        setMessage(custom ?? (err.code === 'network' ? t('error.network') : err.issues.length > 0 ? null : err.message));
      } else setMessage(t('error.generic', { message: err instanceof Error ? err.message : String(err) }));
    },
  };
}
