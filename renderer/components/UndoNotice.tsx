import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../i18n/index.tsx';
import { removalsOf, type Removed } from '../sync/removal-undo.ts';

/** How long the notice offers Undo, and how long it then says what happened. */
const offerMs = 8_000;
const afterMs = 5_000;

type Shown = { removed: Removed; phase: 'removed' | 'undone' | 'cannot'; serial: number };

const shortened = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/**
 * After the person deletes an item, removes an option or a comment: a short notice
 * naming it, with Undo (8 s, kept while pointed at or focused; Escape closes it). Undo
 * puts back exactly what this person removed (core/doc/undo.ts, SPEC W10), for everyone.
 * The words are in a status region, so screen readers announce them; when the removal
 * took the focus away (its button is gone), the focus goes to Undo.
 */
export function UndoNotice({ doc }: { doc: Y.Doc }) {
  const { t } = useI18n();
  const [shown, setShown] = useState<Shown | null>(null);
  const [held, setHeld] = useState(false);
  const undoButton = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => removalsOf(doc).subscribe((removed) => setShown((s) => ({ removed, phase: 'removed', serial: (s?.serial ?? 0) + 1 }))), [doc]);

  useEffect(() => {
    if (shown?.phase !== 'removed') return;
    const active = document.activeElement;
    if (!active || active === document.body) undoButton.current?.focus();
  }, [shown?.phase, shown?.serial]);

  useEffect(() => {
    // Held while pointed at or focused only as long as Undo is offered.
    if (!shown || (held && shown.phase === 'removed')) return;
    const timer = setTimeout(() => close(doc, shown, box.current, setShown, setHeld), shown.phase === 'removed' ? offerMs : afterMs);
    return () => clearTimeout(timer);
  }, [doc, shown, held]);

  function undo() {
    if (!shown) return;
    const done = removalsOf(doc).undoLast();
    setShown({ ...shown, phase: done ? 'undone' : 'cannot' });
    box.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape' && shown) {
      e.stopPropagation();
      close(doc, shown, box.current, setShown, setHeld);
    }
  }

  const text = !shown
    ? ''
    : shown.phase === 'undone'
      ? t('undo.undone')
      : shown.phase === 'cannot'
        ? t('undo.cannot')
        : t(`undo.removed.${shown.removed.kind}`, { text: shortened(shown.removed.text) });

  return (
    <div
      ref={box}
      className={shown ? 'undo-notice shown' : 'undo-notice'}
      data-testid="undo-notice"
      tabIndex={shown ? -1 : undefined}
      onKeyDown={onKeyDown}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setHeld(false)}
    >
      <p role="status" className="undo-notice-text">
        {text}
      </p>
      {shown?.phase === 'removed' && (
        <button ref={undoButton} type="button" className="button small" onClick={undo}>
          {t('undo.undo')}
        </button>
      )}
    </div>
  );
}

/** Ends the notice: an Undo not taken is no longer offered; the focus leaves with it. */
function close(doc: Y.Doc, shown: Shown, box: HTMLElement | null, setShown: (s: null) => void, setHeld: (held: boolean) => void) {
  if (shown.phase === 'removed') removalsOf(doc).forget();
  if (box?.contains(document.activeElement)) (document.activeElement as HTMLElement).blur();
  setShown(null);
  setHeld(false);
}
