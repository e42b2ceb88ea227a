import type * as Y from 'yjs';
import type { BoardAt, CommentAt, DocumentAt, DocumentContent } from '#core/api/history';
import { quadrants } from '#core/methods/swot';
import { useI18n, type Translate } from '../i18n/index.tsx';
import { entriesWithRemoved, type EntryAt, type Mark } from './moment-diff.ts';
import { RestoreButton } from './RestoreButton.tsx';
import { liveValue, sameJson } from './live-value.ts';

export interface MomentProps {
  activityId: string;
  at: string;
  content: DocumentAt;
  before: DocumentContent | null;
  marks: Map<string, Mark>;
  /** The live document: what a restore would change is compared with it. */
  doc: Y.Doc;
  facilitator: boolean;
  /** A contributor may restore what they removed and is still gone (the relay says which: `content.yours`, SPEC H4; null: not known now, nothing offered). */
  contributor: boolean;
  onRestored(changed: boolean): void;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function boardTitle(board: BoardAt, t: Translate) {
  if (board.kind === 'swot') return t('swot.title');
  if (board.kind === 'pros-cons') return t('prosCons.title');
  return board.kind;
}

/** The activity as it was at a moment, read-only, with what changed just then marked. */
export function MomentView(props: MomentProps) {
  const { t } = useI18n();
  const { content, marks } = props;
  const restorable = (path: string, present: unknown) => {
    const now = liveValue(props.doc, path);
    if (props.facilitator) return !sameJson(now, present);
    return props.contributor && present !== null && (props.content.yours ?? []).includes(path);
  };
  return (
    <div className="moment" data-testid="moment">
      <section className="moment-brief" aria-labelledby="moment-brief-title">
        <div className="row spread">
          <h3 id="moment-brief-title">{t('timeline.brief')}</h3>
          {props.facilitator && liveValue(props.doc, 'brief') !== content.brief && (
            <RestoreButton {...restoreProps(props)} path="brief" label={t('timeline.restoreBrief')} what={t('timeline.theBrief')} />
          )}
        </div>
        <p className={`moment-text ${marks.has('brief') ? 'mark-changed' : ''}`} data-testid="moment-brief">
          {content.brief || <span className="muted">{t('timeline.emptyBrief')}</span>}
        </p>
      </section>
      {content.boards.map((board) => (
        <section key={board.id} className="moment-board" aria-label={boardTitle(board, t)} data-testid="moment-board">
          <div className="row spread">
            <h3>{boardTitle(board, t)}</h3>
            {props.facilitator && (
              <RestoreButton
                {...restoreProps(props)}
                path={`methods/${board.id}`}
                label={t('timeline.restoreBoard', {
                  board: boardTitle(board, t),
                })}
                what={boardTitle(board, t)}
              />
            )}
          </div>
          <BoardEntries
            {...props}
            board={board}
            boardBefore={props.before?.boards.find((b) => b.id === board.id) ?? null}
            restorable={restorable}
          />
        </section>
      ))}
      <section className="moment-comments" aria-labelledby="moment-comments-title">
        <h3 id="moment-comments-title">{t('timeline.comments')}</h3>
        {content.comments.length === 0 && <p className="muted">{t('timeline.noComments')}</p>}
        <ul className="moment-list">
          {withRemovedComments(content.comments, props.before?.comments ?? [], marks).map(({ comment, mark }) => {
            const path = `comments/${comment.id}`;
            const latest = comment.versions.at(-1);
            return (
              <li key={comment.id} className={mark ? `mark-${mark}` : undefined} data-testid="moment-comment">
                <strong>{comment.authorName ?? '—'}</strong> {text(latest?.text)}
                {comment.versions.length > 1 && (
                  <span className="muted small"> · {t('timeline.versions', { count: comment.versions.length })}</span>
                )}
                {mark && <MarkLabel mark={mark} />}
                {mark !== 'removed' && restorable(path, comment) && (
                  <RestoreButton
                    {...restoreProps(props)}
                    path={path}
                    label={t('timeline.restoreComment', {
                      text: text(latest?.text).slice(0, 40),
                    })}
                    what={t('timeline.theComment')}
                  />
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}

const restoreProps = (props: MomentProps) => ({
  activityId: props.activityId,
  at: props.at,
  onRestored: props.onRestored,
});

function MarkLabel({ mark }: { mark: Mark }) {
  const { t } = useI18n();
  return <span className={`mark-label mark-label-${mark}`}>{t(`timeline.mark.${mark}`)}</span>;
}

function withRemovedComments(after: CommentAt[], before: CommentAt[], marks: Map<string, Mark>) {
  const out = after.map((comment) => ({
    comment,
    mark: marks.get(`comments/${comment.id}`) ?? null,
  }));
  for (const comment of before) if (marks.get(`comments/${comment.id}`) === 'removed') out.push({ comment, mark: 'removed' as const });
  return out;
}

function BoardEntries(
  props: MomentProps & {
    board: BoardAt;
    boardBefore: BoardAt | null;
    restorable(path: string, present: unknown): boolean;
  },
) {
  const { t } = useI18n();
  const { board, boardBefore: before, marks } = props;
  const items = entriesWithRemoved(board.id, 'items', board.items, before?.items ?? [], marks);
  const options = entriesWithRemoved(board.id, 'options', board.options, before?.options ?? [], marks);
  if (items.length === 0 && options.length === 0) return <p className="muted">{t('timeline.emptyBoard')}</p>;
  const entry = (e: EntryAt) => (
    <li key={e.path} className={e.mark ? `mark-${e.mark}` : undefined} data-testid="moment-item">
      <span className="moment-item-text">{text(e.entry.text) || text(e.entry.label)}</span>
      {typeof e.entry.authorName === 'string' && <span className="muted small"> · {e.entry.authorName}</span>}
      {e.mark && <MarkLabel mark={e.mark} />}
      {e.mark !== 'removed' && props.restorable(e.path, e.entry) && (
        <RestoreButton
          {...restoreProps(props)}
          path={e.path}
          label={t('timeline.restoreItem', {
            text: text(e.entry.text) || text(e.entry.label),
          })}
          what={`« ${text(e.entry.text) || text(e.entry.label)} »`}
        />
      )}
    </li>
  );
  if (board.kind === 'swot') {
    return (
      <div className="moment-quadrants">
        {quadrants.map((q) => (
          <div key={q}>
            <h4>{t(`swot.${q}`)}</h4>
            <ul className="moment-list">{items.filter((e) => e.entry.quadrant === q).map(entry)}</ul>
          </div>
        ))}
      </div>
    );
  }
  if (board.kind === 'pros-cons') {
    return (
      <ul className="moment-list">
        {options.map((o) => (
          <li key={o.path}>
            <ul className="moment-list">
              {[
                entry(o),
                ...items
                  .filter((e) => e.entry.optionId === o.entry.id)
                  .map((e) => (
                    <li key={e.path}>
                      <span className="muted small">{t('app.labelled', { label: t(e.entry.side === 'con' ? 'prosCons.con' : 'prosCons.pro'), value: '' })}</span>
                      <ul className="moment-list inline">{entry(e)}</ul>
                    </li>
                  )),
              ]}
            </ul>
          </li>
        ))}
      </ul>
    );
  }
  return <ul className="moment-list">{[...options, ...items].map(entry)}</ul>;
}
