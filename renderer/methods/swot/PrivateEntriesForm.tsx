import { useState, type FormEvent } from 'react';
import type { PollView } from '#core/api/poll-view';
import type { PrivateEntry } from '#core/methods/private-entries';
import { quadrants, type Quadrant } from '#core/methods/swot';
import { sendPrivateEntries } from '../../actions/private-first.ts';
import { FormError } from '../../components/Field.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSignedIn } from '../../state/use-session.tsx';

/**
 * A member's own entries, one small form per quadrant. They live in this form (never in
 * the shared document) until sent, and then on the relay only, sealed.
 */
export function PrivateEntriesForm({ poll, onSent }: { poll: PollView; onSent(view: PollView): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const submission = useSubmit();
  const mine = poll.mine.ballot && 'entries' in poll.mine.ballot ? poll.mine.ballot.entries : [];
  const [entries, setEntries] = useState<PrivateEntry[]>(mine);
  const [sent, setSent] = useState(false);

  const send = () =>
    submission.run(async () => {
      onSent(await sendPrivateEntries(api, poll.id, entries));
      setSent(true);
    });

  return (
    <section className="private-entries" aria-label={t('privateFirst.yourEntries')} data-testid="private-entries">
      <h3>{t('privateFirst.yourEntries')}</h3>
      <div className="private-entries-grid">
        {quadrants.map((q) => (
          <QuadrantEntries
            key={q}
            quadrant={q}
            entries={entries.filter((e) => e.column === q)}
            onAdd={(text) => {
              setSent(false);
              setEntries([...entries, { column: q, text }]);
            }}
            onRemove={(entry) => {
              setSent(false);
              setEntries(entries.filter((e) => e !== entry));
            }}
          />
        ))}
      </div>
      <FormError message={submission.message} />
      <div className="form-actions">
        {sent && <span className="muted small" role="status">{t('privateFirst.sent')}</span>}
        <button type="button" className="button primary" disabled={entries.length === 0} onClick={() => void send()}>
          {t('privateFirst.send')}
        </button>
      </div>
    </section>
  );
}

function QuadrantEntries({ quadrant, entries, onAdd, onRemove }: { quadrant: Quadrant; entries: PrivateEntry[]; onAdd(text: string): void; onRemove(entry: PrivateEntry): void }) {
  const { t } = useI18n();
  const name = t(`swot.${quadrant}`);
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    onAdd(text.trim());
    setText('');
  };
  return (
    <div className={`private-quadrant quadrant-${quadrant}`} data-testid={`private-${quadrant}`}>
      <h4>{name}</h4>
      {entries.length === 0 ? (
        <p className="muted small">{t('privateFirst.noEntry')}</p>
      ) : (
        <ul className="private-entry-list">
          {entries.map((entry, i) => (
            <li key={`${i}-${entry.text}`}>
              <span>{entry.text}</span>
              <button type="button" className="icon-button" aria-label={t('privateFirst.remove', { text: entry.text })} onClick={() => onRemove(entry)}>×</button>
            </li>
          ))}
        </ul>
      )}
      <form className="add-item" onSubmit={submit}>
        <input value={text} onChange={(e) => setText(e.target.value)} aria-label={t('privateFirst.newEntry', { quadrant: name })} placeholder={t('privateFirst.newEntry', { quadrant: name })} maxLength={2000} />
        <button type="submit" className="button small" disabled={!text.trim()} aria-label={t('privateFirst.addTo', { quadrant: name })}>{t('privateFirst.add')}</button>
      </form>
    </div>
  );
}
