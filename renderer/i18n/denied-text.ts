import { DeniedReason } from '#core/sync/protocol';
import type { Translate } from './index.tsx';

const reasons = Object.entries(DeniedReason) as [keyof typeof DeniedReason, string][];
const rules = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'W7', 'W10', 'W14'] as const;
type Rule = (typeof rules)[number];
const isRule = (x: string | undefined): x is Rule => (rules as readonly string[]).includes(x ?? '');

/**
 * What the relay said when it refused a change on the socket (core/sync/protocol.ts: a
 * `DeniedReason`, or `refusedReason` ending with the rule of SPEC W1–W7, W10, W14), in the person's
 * language. Words the app does not know are shown as the relay sent them.
 */
export function deniedText(denied: string, t: Translate): string {
  const rule = /\((W\d+)\)$/.exec(denied)?.[1];
  if (denied.startsWith('refused: ') && isRule(rule)) return t('denied.refused', { why: t(`denied.rule.${rule}`) });
  const known = reasons.find(([, words]) => words === denied);
  return known ? t(`denied.${known[0]}`) : denied;
}
