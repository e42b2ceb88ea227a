import type { Translate } from '../i18n/index.tsx';

/** core/figures/template.ts's words for a broken template, read in the app's language (unknown words stay as they are). */
export function templateProblemText(problem: string, t: Translate): string {
  if (problem === 'the template is empty') return t('figures.templateProblem.empty');
  if (problem === 'the template must show the value: add {value}') return t('figures.templateProblem.noValue');
  const unknown = /^unknown placeholder (\{\w+\}): use (.+)$/.exec(problem);
  if (unknown) return t('figures.templateProblem.unknown', { name: unknown[1]!, list: unknown[2]! });
  return problem;
}
