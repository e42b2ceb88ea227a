import * as Y from 'yjs';
import { z } from 'zod';
import { actionItemsMethod } from './action-items.ts';
import { agendaMethod } from './agenda.ts';
import { costBenefitMethod } from './cost-benefit.ts';
import { methodsOf, type BoardMethod } from './methods.ts';
import { prioritisationMethod } from './prioritisation.ts';
import { prosConsMethod } from './pros-cons.ts';
import { raciMethod } from './raci.ts';
import { swotMethod } from './swot.ts';

/**
 * Every board method an activity's document may hold. A new method is one module
 * beside these (its kind, board schema, version and seed: see methods.ts) and one line
 * here.
 */
export const boardMethods = [swotMethod, prosConsMethod, actionItemsMethod, prioritisationMethod, costBenefitMethod, raciMethod, agendaMethod] as const;

export type MethodKind = (typeof boardMethods)[number]['kind'];
export const MethodKind = z.enum(boardMethods.map((m) => m.kind) as [MethodKind, ...MethodKind[]]);

/** The method of `kind`, if core knows it (a foreign client may write any kind). */
export function boardMethodOf(kind: unknown): BoardMethod | null {
  return boardMethods.find((m) => m.kind === kind) ?? null;
}

export interface MethodRef {
  id: string;
  kind: MethodKind;
}

/** The kind of the board with this id, if it is one of a known method. */
export function methodKindOf(doc: Y.Doc, id: string): MethodKind | null {
  const board = methodsOf(doc).get(id);
  return MethodKind.safeParse(board instanceof Y.Map ? board.get('kind') : undefined).data ?? null;
}

/** The boards of an activity, in a stable order. */
export function listMethods(doc: Y.Doc): MethodRef[] {
  const out: MethodRef[] = [];
  for (const id of methodsOf(doc).keys()) {
    const kind = methodKindOf(doc, id);
    if (kind) out.push({ id, kind });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
