import type { Blueprint } from '#core/doc/templates';
import './templates.css';
import { removeTemplate } from '../actions/templates.ts';
import { FormError } from '../components/Field.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { boardMethodViews } from '../methods/registry.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { useTemplates } from '../state/use-templates.ts';

interface Props {
  value: string;
  onChange(id: string): void;
}

/** The boards a template starts with, named as the work area names them. */
function BoardsOf({ blueprint }: { blueprint: Blueprint }) {
  const { t } = useI18n();
  const names = blueprint.boards.map((b) => t(boardMethodViews[b.kind].label));
  return <span className="muted small template-boards">{names.length ? names.join(' → ') : t('template.boards.none')}</span>;
}

/** Picks what a new activity starts with: a built-in template or one the organisation saved (its author or an administrator may remove it). */
export function TemplatePicker({ value, onChange }: Props) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const templates = useTemplates();
  const submit = useSubmit();
  const remove = (id: string) =>
    void submit.run(async () => {
      await removeTemplate(api, id);
      if (value === id) onChange('blank');
      templates.reload();
    });
  return (
    <fieldset className="template-picker" data-testid="template-picker">
      <legend>{t('template.legend')}</legend>
      {(templates.data?.builtIn ?? []).map((tpl) => (
        <label key={tpl.id} className="template-option">
          <input type="radio" name="template" value={tpl.id} checked={value === tpl.id} onChange={() => onChange(tpl.id)} />
          <span>
            <strong>{t(`template.name.${tpl.id}` as MessageKey)}</strong> <BoardsOf blueprint={tpl.blueprint} />
          </span>
        </label>
      ))}
      {(templates.data?.saved.length ?? 0) > 0 && <p className="template-saved-head">{t('template.saved')}</p>}
      {(templates.data?.saved ?? []).map((tpl) => (
        <div key={tpl.id} className="template-option">
          <label>
            <input type="radio" name="template" value={tpl.id} checked={value === tpl.id} onChange={() => onChange(tpl.id)} />
            <span>
              <strong>{tpl.name}</strong> <BoardsOf blueprint={tpl.blueprint} /> <span className="muted small">{t('template.by', { name: tpl.createdByName })}</span>
            </span>
          </label>
          {tpl.mayRemove && (
            <button type="button" className="icon-button danger" disabled={submit.busy} onClick={() => remove(tpl.id)} aria-label={t('template.remove', { name: tpl.name })}>×</button>
          )}
        </div>
      ))}
      <FormError message={submit.message} />
    </fieldset>
  );
}
