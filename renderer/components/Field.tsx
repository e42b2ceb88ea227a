import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/index.tsx';
import { refusalText } from '../i18n/refusal-text.ts';
import { dateInWords } from './date-in-words.ts';
import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';

interface FieldProps {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A labelled input with its hint and error, wired for screen readers; a date field says its day in words. */
export function TextField({ label, hint, error, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const { locale } = useI18n();
  const words = typeof input.value === 'string' ? dateInWords(locale, input.type, input.value) : null;
  const described = [words ? `${id}-date` : '', hint || error ? `${id}-note` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        {...input}
      />
      {words && <span id={`${id}-date`} className="date-in-words">{words}</span>}
      <FieldNote id={`${id}-note`} hint={hint} error={error} />
    </div>
  );
}

/** The chosen day in words, for a date field that is no TextField (see date-in-words.ts). */
export function DateInWords({ id, type, value }: { id?: string; type: 'date' | 'datetime-local'; value: string }) {
  const { locale } = useI18n();
  const words = dateInWords(locale, type, value);
  return words ? <span id={id} className="date-in-words">{words}</span> : null;
}

export function TextAreaField({ label, hint, error, ...input }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={hint || error ? `${id}-note` : undefined}
        {...input}
      />
      <FieldNote id={`${id}-note`} hint={hint} error={error} />
    </div>
  );
}

function FieldNote({ id, hint, error }: { id: string; hint?: ReactNode; error?: string | undefined }) {
  if (error) {
    return (
      <p id={id} className="field-error" role="alert">
        {error}
      </p>
    );
  }
  return hint ? (
    <p id={id} className="field-hint">
      {hint}
    </p>
  ) : null;
}

/** A form-level error message. */
export function FormError({ message }: { message: string | null }) {
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;
}

/** Why something could not be loaded or done, in the person's language, announced. */
export function RefusalNotice({ error }: { error: unknown }) {
  const { t, locale } = useI18n();
  const text =
    error instanceof ApiError ? refusalText(error, t, locale) : t('error.generic', { message: error instanceof Error ? error.message : String(error) });
  return (
    <p className="form-error" role="alert">
      {text}
    </p>
  );
}
