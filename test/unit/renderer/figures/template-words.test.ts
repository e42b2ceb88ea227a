import { describe, expect, it } from 'vitest';
import { templateErrors } from '#core/figures/template';
import { templateProblemText } from '../../../../renderer/figures/template-words.ts';
import { intlFor, type Translate } from '../../../../renderer/i18n/index.tsx';

const intl = intlFor('fr');
const t: Translate = (key, values) => intl.formatMessage({ id: key }, values);

describe('a broken SMS template’s problems in French (issue 13, finding 3)', () => {
  it('reads each of core’s template problems in French', () => {
    expect(templateErrors('').map((p) => templateProblemText(p, t))).toEqual(['Le modèle est vide.', 'Le modèle doit montrer la valeur : ajoutez {value}.']);
    const [unknown] = templateErrors('{valeur} {value}').map((p) => templateProblemText(p, t));
    expect(unknown).toMatch(/^Champ inconnu \{valeur\} : utilisez \{label\}/);
  });
});
