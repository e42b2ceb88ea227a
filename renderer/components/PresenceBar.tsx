import { useI18n } from '../i18n/index.tsx';
import { distinctPeople, type Present } from '../state/use-presence.ts';
import { Avatar } from './Avatar.tsx';

/** Who is here now. */
export function PresenceBar({ present }: { present: Present[] }) {
  const { t } = useI18n();
  const people = distinctPeople(present);
  return (
    <ul className="presence" aria-label={t('presence.label')} data-testid="presence">
      {people.map((p) => (
        <li key={p.userId} title={p.self ? t('presence.you', { name: p.name }) : p.name}>
          <Avatar id={p.userId} name={p.name} />
          <span className="visually-hidden">{p.self ? t('presence.you', { name: p.name }) : p.name}</span>
        </li>
      ))}
    </ul>
  );
}
