/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../../core/api/errors.ts';
import { catalogues } from '../../../../renderer/i18n/messages/index.ts';
import { knownIssues } from '../../../../renderer/i18n/refusal-text.ts';

/** The words core's schemas and the relay's features say, as text (Vite reads the files). */
const sources = Object.values(
  import.meta.glob<string>(['../../../../core/**/*.ts', '../../../../server/**/*.ts'], { query: '?raw', import: 'default', eager: true }),
);

describe('the relay’s refusals in words', () => {
  it('has a sentence for every error code, in both languages', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(catalogues.en, code).toHaveProperty(`error.code.${code}`);
      expect(catalogues.fr, code).toHaveProperty(`error.code.${code}`);
    }
  });

  it('maps only words core or the relay still says (a reworded schema message would fall back unseen)', () => {
    const text = sources.join('\n');
    expect(text).toContain('give the reason for your estimate');
    const stale = Object.keys(knownIssues).filter((words) => words !== 'Invalid email address' && !text.includes(`'${words}'`));
    expect(stale).toEqual([]);
  });
});
