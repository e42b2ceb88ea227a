import { useLayoutEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { maxNotesLength } from '#core/methods/agenda';
import { caretAfter, textEdit } from '#core/text/edit';
import { useI18n } from '../../i18n/index.tsx';
import { typeAgendaNotes } from './actions.ts';
import { useAgendaNotesTypable } from './use-agenda.ts';

interface Props {
  doc: Y.Doc;
  boardId: string;
  itemId: string;
  itemText: string;
  /** The notes as the document holds them now. */
  notes: string;
  canEdit: boolean;
}

/**
 * An agenda item's notes, typed live by everyone at once (shared text, core/doc/agenda-notes.ts):
 * each keystroke goes into the document, others' typing shows as it arrives, and the caret
 * stays where it was in the text around it.
 */
export function AgendaNotesBox({ doc, boardId, itemId, itemText, notes, canEdit }: Props) {
  const { t } = useI18n();
  const typable = useAgendaNotesTypable(doc, boardId, itemId);
  const box = useRef<HTMLTextAreaElement>(null);
  /** What the box showed last, and where its selection was: to keep the caret in place when someone else types. */
  const shown = useRef(notes);
  const selection = useRef<[number, number]>([0, 0]);
  useLayoutEffect(() => {
    const el = box.current;
    const edit = textEdit(shown.current, notes);
    shown.current = notes;
    if (!el || !edit || document.activeElement !== el) return;
    const [start, end] = selection.current;
    el.setSelectionRange(caretAfter(edit, start), caretAfter(edit, end));
    selection.current = [el.selectionStart, el.selectionEnd];
  }, [notes]);
  if (!canEdit || !typable) {
    return (
      <>
        {notes && <p className="agenda-notes small">{notes}</p>}
        {canEdit && <p className="small muted">{t('agenda.notesLater')}</p>}
      </>
    );
  }
  const remember = (el: HTMLTextAreaElement) => (selection.current = [el.selectionStart, el.selectionEnd]);
  return (
    <textarea ref={box} className="agenda-notes" rows={notes ? 3 : 1} maxLength={maxNotesLength} value={notes} placeholder={t('agenda.notes')}
      aria-label={t('agenda.notesOf', { item: itemText })} data-testid="agenda-notes"
      onSelect={(e) => remember(e.currentTarget)}
      onChange={(e) => {
        shown.current = e.target.value;
        remember(e.target);
        typeAgendaNotes(doc, boardId, itemId, e.target.value);
      }} />
  );
}
