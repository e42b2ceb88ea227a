import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  LexicalTypeaheadMenuPlugin,
  MenuOption,
  useBasicTypeaheadTriggerMatch,
} from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useI18n } from '../i18n/index.tsx';
import { $createMentionNode } from './MentionNode.ts';

export interface Person {
  id: string;
  name: string;
}

class PersonOption extends MenuOption {
  constructor(readonly person: Person) {
    super(person.id);
  }
}

/** Type "@" and a few letters to mention someone from the organisation. */
export function MentionsPlugin({ people }: { people: Person[] }) {
  const { t } = useI18n();
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  const trigger = useBasicTypeaheadTriggerMatch('@', { minLength: 0 });
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
      menuRenderFn={(anchor, { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex }) =>
        anchor.current && options.length > 0
          ? createPortal(
              <ul className="mention-menu" role="listbox" aria-label={t('comments.mentions')}>
                {options.map((option, i) => (
                  <li
                    key={option.key}
                    id={`mention-${option.key}`}
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
            )
          : null
      }
    />
  );
}
