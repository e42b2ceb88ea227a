import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import type { Author } from '#core/doc/author';
import { methodsOf } from '#core/doc/methods';
import { readRaciColumns, readRaciTasks, variantOf } from '#core/doc/raci';
import { RaciVariant, taskWarnings, variantLetters, type RaciLetter } from '#core/methods/raci';
import { useI18n } from '../../i18n/index.tsx';
import { useDocValue } from '../../state/use-doc-value.ts';
import { addRaciColumn, addRaciTask, deleteRaciTask, removeRaciColumn, setRaciCell, setVariant } from './actions.ts';
import { MemberColumnPicker } from './MemberColumnPicker.tsx';

interface Props {
  doc: Y.Doc;
  boardId: string;
  actor: Author;
  canEdit: boolean;
  canManage: boolean;
  activityId: string;
}

/** One matrix: tasks down, people or roles across, a letter per cell, and a warning per task that breaks its variant's rule. */
export function RaciBoard({ doc, boardId, actor, canEdit, canManage, activityId }: Props) {
  const { t } = useI18n();
  const board = useDocValue(methodsOf(doc), () => ({ columns: readRaciColumns(doc, boardId), tasks: readRaciTasks(doc, boardId), variant: variantOf(doc, boardId) }));
  const [task, setTask] = useState('');
  const [column, setColumn] = useState('');
  const titleId = `raci-${boardId}`;
  const letters = variantLetters[board.variant];

  const submit = (text: string, add: (text: string) => unknown, clear: () => void) => (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    add(text);
    clear();
  };

  return (
    <section className="raci" aria-labelledby={titleId} data-testid="raci-board" data-board-id={boardId}>
      <div className="section-head">
        <h2 id={titleId}>{t(`raci.title.${board.variant}`)}</h2>
        <label>
          {t('raci.variant')}{' '}
          <select value={board.variant} disabled={!canManage} onChange={(e) => setVariant(doc, boardId, e.target.value)}>
            {RaciVariant.options.map((v) => <option key={v} value={v}>{v.toUpperCase()}</option>)}
          </select>
        </label>
      </div>
      <p className="muted small">{t(`raci.legend.${board.variant}`)}</p>
      <div className="raci-scroll">
        <table className="raci-table">
          <thead>
            <tr>
              <th scope="col">{t('raci.task')}</th>
              {board.columns.map((c) => (
                <th key={c.id} scope="col" data-person={c.personId ? 'yes' : undefined}>
                  {c.label}
                  {canManage && <button type="button" className="icon-button danger" onClick={() => removeRaciColumn(doc, boardId, c.id)} aria-label={t('raci.removeColumn', { label: c.label })}>×</button>}
                </th>
              ))}
              <th scope="col">{t('raci.check')}</th>
            </tr>
          </thead>
          <tbody>
            {board.tasks.map((row) => {
              const warnings = taskWarnings(row, board.columns, board.variant);
              return (
                <tr key={row.id} data-testid="raci-task">
                  <th scope="row">
                    {row.text}
                    {canEdit && <button type="button" className="icon-button danger" onClick={() => deleteRaciTask(doc, boardId, row.id, row.text)} aria-label={t('raci.removeTask', { text: row.text })}>×</button>}
                  </th>
                  {board.columns.map((c) => (
                    <td key={c.id}>
                      <select
                        value={row.cells[c.id] ?? ''}
                        disabled={!canEdit}
                        aria-label={t('raci.cell', { task: row.text, column: c.label })}
                        onChange={(e) => setRaciCell(doc, boardId, row.id, c.id, e.target.value as RaciLetter | '')}
                      >
                        <option value="">–</option>
                        {letters.map((l) => <option key={l} value={l}>{l}</option>)}
                      </select>
                    </td>
                  ))}
                  <td className={warnings.length ? 'raci-warning' : 'raci-ok'} data-testid="raci-check">
                    {warnings.length === 0 ? t('raci.ok') : warnings.map((w) => t(`raci.${w.problem}`, { letter: w.letter })).join(', ')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {canEdit && (
        <form className="add-item" onSubmit={submit(task, (x) => addRaciTask(doc, boardId, actor, x), () => setTask(''))}>
          <input value={task} onChange={(e) => setTask(e.target.value)} aria-label={t('raci.newTask')} placeholder={t('raci.newTask')} maxLength={300} />
          <button type="submit" className="button small" disabled={!task.trim()}>{t('raci.addTask')}</button>
        </form>
      )}
      {canManage && <MemberColumnPicker doc={doc} boardId={boardId} activityId={activityId} columns={board.columns} />}
      {canManage && (
        <form className="add-item" onSubmit={submit(column, (x) => addRaciColumn(doc, boardId, x), () => setColumn(''))}>
          <input value={column} onChange={(e) => setColumn(e.target.value)} aria-label={t('raci.newColumn')} placeholder={t('raci.newColumn')} maxLength={120} />
          <button type="submit" className="button small" disabled={!column.trim()}>{t('raci.addColumn')}</button>
        </form>
      )}
    </section>
  );
}
