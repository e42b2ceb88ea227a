import type { RefusedChange } from '../sync/activity-session.ts';
import { deniedText } from '../i18n/denied-text.ts';
import { useI18n, type Translate } from '../i18n/index.tsx';

/**
 * Tells a viewer why nothing can be changed; also shows the relay's refusals (and
 * rollbacks, SPEC W8) in the person's language, with the one change refused, those left out
 * with it (a client the relay does not take as the person's, W10) and how many others were kept (SPEC W9). Announced when it appears.
 */
export function ReadOnlyNotice({ viewer, denied, refused }: { viewer: boolean; denied: string | null; refused: RefusedChange | null }) {
  const { t } = useI18n();
  if (!viewer && !denied) return null;
  const words = viewer ? [t('activity.readOnly')] : [deniedText(denied ?? '', t), ...(refused ? refusedText(refused, t) : [])];
  return (
    <p className="notice" role="note" aria-live="polite" data-testid="read-only">
      {words.join(' ')}
    </p>
  );
}

const shown = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

function refusedText({ subject, kept, dropped }: RefusedChange, t: Translate): string[] {
  const which =
    subject.area === 'option'
      ? t('denied.which.option', { label: shown(subject.label) })
      : subject.area === 'item'
        ? t('denied.which.item', { text: shown(subject.text) })
        : t(`denied.which.${subject.area}`);
  // W10: the changes this device made in a client the relay does not take as the person's were all left out (SPEC W9).
  const notKept = dropped > 0 ? [...(dropped > 1 ? [t('denied.dropped', { n: dropped - 1 })] : []), t('denied.freshClient')] : [];
  return [which, ...notKept, ...(kept > 0 ? [t('denied.kept', { n: kept })] : [])];
}
