import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { LexicalTypeaheadMenuPlugin, MenuOption, useBasicTypeaheadTriggerMatch } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { useId, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useI18n } from '../i18n/index.tsx';
import { $createMentionNode } from './MentionNode.ts';
import { useMenuLabel } from './use-menu-label.ts';

const anchorClass = 'mention-anchor';

export interface Person {
  id: string;
  name: string;
}

class PersonOption extends MenuOption {
  constructor(readonly person: Person) {
    super(person.id);
  }
}

/** Type "@" and a few letters to mention someone taking part in the activity (the relay tells them, server/notifications). */
export function MentionsPlugin({ people }: { people: Person[] }) {
  const { t } = useI18n();
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  const labelId = useId();
  const trigger = useBasicTypeaheadTriggerMatch('@', { minLength: 0 });
  useMenuLabel(anchorClass, t('comments.mentions'));
  const options = useMemo(() => {
    const q = (query ?? '').toLowerCase();
    return people
      .filter((p) => p.name.toLowerCase().includes(q))
      .slice(0, 8)
      .map((p) => new PersonOption(p));
  }, [people, query]);

  return (
    <LexicalTypeaheadMenuPlugin<PersonOption>
      onQueryChange={setQuery}
      anchorClassName={anchorClass}
      triggerFn={trigger}
      options={options}
      onSelectOption={(option, textNode, closeMenu) => {
        editor.update(() => {
          const mention = $createMentionNode(option.person.id, option.person.name);
          if (textNode) textNode.replace(mention);
          mention.selectNext().insertText(' ');
          closeMenu();
        });
      }}
      menuRenderFn={(anchor, { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex }) => {
        if (!anchor.current || options.length === 0) return null;
        // Lexical's menu container is the listbox the editor's aria-controls names: it is
        // labelled in the person's language (aria-labelledby, and its aria-label through
        // useMenuLabel), and its options carry the ids Lexical's aria-activedescendant
        // points at (typeahead-item-<index>).
        anchor.current.setAttribute('aria-labelledby', labelId);
        return createPortal(
          <ul className="mention-menu" role="presentation">
            <li id={labelId} className="visually-hidden" role="presentation">
              {t('comments.mentions')}
            </li>
            {options.map((option, i) => (
              <li
                key={option.key}
                id={`typeahead-item-${i}`}
                role="option"
                aria-selected={selectedIndex === i}
                className={selectedIndex === i ? 'selected' : ''}
                ref={(el) => option.setRefElement(el)}
                onMouseEnter={() => setHighlightedIndex(i)}
                onMouseDown={(e) => {
                  e.preventDefault();
                  selectOptionAndCleanUp(option);
                }}
              >
                {option.person.name}
              </li>
            ))}
          </ul>,
          anchor.current,
        );
      }}
    />
  );
}
