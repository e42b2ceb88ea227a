import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';

/**
 * A button for an irreversible action: the first click asks, in words naming what the
 * action does ("Everyone will see every answer…"), and only the confirmation acts.
 */
export function ConfirmButton({ children, label, question, confirm, onConfirm, className = 'button' }: {
  children: ReactNode;
  /** The button's accessible name, when its text alone is not enough. */
  label?: string;
  question: string;
  confirm: string;
  onConfirm(): void;
  className?: string;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={className} aria-label={label} onClick={() => setAsking(true)}>
        {children}
      </button>
    );
  }
  return (
    <div className="confirm" role="alertdialog" aria-label={label ?? confirm}>
      <p>{question}</p>
      <button type="button" className="button danger" autoFocus onClick={() => (setAsking(false), onConfirm())}>
        {confirm}
      </button>
      <button type="button" className="button ghost" onClick={() => setAsking(false)}>
        {t('confirm.cancel')}
      </button>
    </div>
  );
}
