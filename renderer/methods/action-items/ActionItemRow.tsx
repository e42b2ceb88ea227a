import type * as Y from 'yjs';
import type { Author } from '#core/doc/author';
import { actionStatuses, ActionStatus, type ActionItem } from '#core/methods/action-items';
import { assignActionItem, deleteActionItem, setActionStatus } from '../../actions/action-items.ts';
import { useI18n } from '../../i18n/index.tsx';
import { formatDay, overdueHere } from './day.ts';

interface Props {
  doc: Y.Doc;
  boardId: string;
  item: ActionItem;
  actor: Author;
  canEdit: boolean;
  facilitator: boolean;
  members: Author[];
}

/**
 * One action item: title, owner, due day, status. Its owner or a facilitator changes the
 * status; a facilitator or its author gives it to someone else or moves its day (SPEC W12).
 */
export function ActionItemRow({ doc, boardId, item, actor, canEdit, facilitator, members }: Props) {
  const { t, locale } = useI18n();
  const mayStatus = canEdit && (facilitator || item.ownerId === actor.id);
  const mayAssign = canEdit && (facilitator || item.authorId === actor.id);
  const overdue = overdueHere(item);
  const owners = members.some((m) => m.id === item.ownerId) ? members : [{ id: item.ownerId, name: item.ownerName }, ...members];
  const reassign = (owner: Author, due: string) => assignActionItem(doc, boardId, actor, item.id, { owner, due });

  return (
    <li className={`action-item status-${item.status}${overdue ? ' overdue' : ''}`} data-testid="action-item" data-item-id={item.id}>
      <p className="action-title">{item.title}</p>
      <div className="action-meta">
        {mayAssign ? (
          <select
            aria-label={t('actions.ownerOf', { title: item.title })}
            value={item.ownerId}
            onChange={(e) => {
              const owner = owners.find((m) => m.id === e.target.value);
              if (owner) reassign(owner, item.due);
            }}
          >
            {owners.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        ) : (
          <span className="action-owner">{item.ownerName}</span>
        )}
        {mayAssign ? (
          <>
            <input
              type="date"
              aria-label={t('actions.dueOf', { title: item.title })}
              aria-describedby={`due-${item.id}`}
              value={item.due}
              onChange={(e) => e.target.value && reassign({ id: item.ownerId, name: item.ownerName }, e.target.value)}
            />
            {/* The browser writes the field in its own language: the day, in the app's. */}
            <span id={`due-${item.id}`} className="date-in-words">{formatDay(locale, item.due)}</span>
          </>
        ) : (
          <span className="action-due">{t('actions.dueOn', { day: formatDay(locale, item.due) })}</span>
        )}
        {overdue && <span className="badge warning">{t('actions.overdue')}</span>}
        {mayStatus ? (
          <select
            aria-label={t('actions.statusOf', { title: item.title })}
            value={item.status}
            onChange={(e) => {
              const status = ActionStatus.safeParse(e.target.value).data;
              if (status) setActionStatus(doc, boardId, actor, item.id, status);
            }}
          >
            {actionStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`actions.status.${s}`)}
              </option>
            ))}
          </select>
        ) : (
          <span className="badge">{t(`actions.status.${item.status}`)}</span>
        )}
        {item.source && <span className="muted small">{t(item.source === 'decision' ? 'actions.fromDecision' : 'actions.fromBoard')}</span>}
        {canEdit && (
          <button type="button" className="icon-button danger" onClick={() => deleteActionItem(doc, boardId, item.id, item.title)} aria-label={t('actions.deleteItem', { title: item.title })}>
            {t('actions.delete')}
          </button>
        )}
      </div>
    </li>
  );
}
