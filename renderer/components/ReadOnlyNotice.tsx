import { useI18n } from '../i18n/index.tsx';

/** Tells a viewer why nothing can be changed; also shows the relay's refusals. */
export function ReadOnlyNotice({ viewer, denied }: { viewer: boolean; denied: string | null }) {
  const { t } = useI18n();
  if (!viewer && !denied) return null;
  return (
    <p className="notice" role="note" data-testid="read-only">
      {viewer ? t('activity.readOnly') : denied?.startsWith('read-only') ? t('denied.readOnly') : denied?.startsWith('document-full') ? t('denied.full') : denied}
    </p>
  );
}
