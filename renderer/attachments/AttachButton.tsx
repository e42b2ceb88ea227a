import { useI18n } from '../i18n/index.tsx';

/** "Attach files": the system's file picker, several at once. */
export function AttachButton({ onChosen, label }: { onChosen(files: File[]): void; label?: string }) {
  const { t } = useI18n();
  return (
    <label className="link-button attach-button">
      {label ?? t('attach.files')}
      <input
        type="file"
        multiple
        className="visually-hidden"
        onChange={(e) => {
          onChosen([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
    </label>
  );
}
