import { deniedText } from '../i18n/denied-text.ts';
import { useI18n } from '../i18n/index.tsx';

/** Tells a viewer why nothing can be changed; also shows the relay's refusals (and rollbacks, SPEC W8) in the person's language. */
export function ReadOnlyNotice({ viewer, denied }: { viewer: boolean; denied: string | null }) {
  const { t } = useI18n();
  if (!viewer && !denied) return null;
  return (
    <p className="notice" role="note" data-testid="read-only">
      {viewer ? t('activity.readOnly') : deniedText(denied ?? '', t)}
    </p>
  );
}
