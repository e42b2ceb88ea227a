import type { Author } from '#core/doc/author';
import { useId } from 'react';
import { DateInWords } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  /** Who may own it: the activity's members (the one assigning first when not among them). */
  people: Author[];
  ownerId: string;
  onOwner(id: string): void;
  due: string;
  onDue(day: string): void;
  /** Asks the member list again when the picker is focused (someone added since the activity opened). */
  refreshPeople(): void;
}

/** An action item's owner and due day, as every form that makes one asks them. */
export function OwnerAndDue({ people, ownerId, onOwner, due, onDue, refreshPeople }: Props) {
  const { t } = useI18n();
  const words = useId();
  return (
    <>
      <label className="inline-field">
        <span>{t('actions.owner')}</span>
        <select aria-label={t('actions.owner')} value={ownerId} onChange={(e) => onOwner(e.target.value)} onFocus={refreshPeople}>
          {people.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>{t('actions.due')}</span>
        <input type="date" aria-label={t('actions.due')} aria-describedby={due ? words : undefined} value={due} onChange={(e) => onDue(e.target.value)} required />
        <DateInWords id={words} type="date" value={due} />
      </label>
    </>
  );
}
