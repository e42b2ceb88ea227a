import { useEffect } from 'react';

/**
 * Lexical names the listbox of its typeahead menu "Typeahead menu", in English, each time it
 * puts it on the page (@lexical/react's LexicalMenu, with no option to change it). Every
 * menu container carrying `className` is named `label` instead, in the person's language, when
 * it is attached to the page (a direct child of the body, where Lexical attaches it).
 */
export function useMenuLabel(className: string, label: string) {
  useEffect(() => {
    const name = () => {
      for (const menu of document.body.querySelectorAll<HTMLElement>(`:scope > .${className}`)) {
        if (menu.getAttribute('aria-label') !== label) menu.setAttribute('aria-label', label);
      }
    };
    name();
    const attached = new MutationObserver(name);
    attached.observe(document.body, { childList: true });
    return () => attached.disconnect();
  }, [className, label]);
}
