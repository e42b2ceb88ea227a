import type * as Y from 'yjs';
import type { Author } from '#core/doc/author';
import * as core from '#core/doc/cost-benefit';
import { newDocId } from '#core/doc/schema';
import type { CostSide, Recurrence } from '#core/methods/cost-benefit';
import { removalsOf } from '../../sync/removal-undo.ts';

/** What people do to cost/benefit boards; each calls the core helper on the activity's doc. */

export function addCostBenefitBoard(doc: Y.Doc, actor: Author, now = new Date()) {
  const id = newDocId();
  core.addCostBenefitBoard(doc, id, actor, now);
  return id;
}

export const setHorizon = (doc: Y.Doc, boardId: string, months: number) => core.setHorizon(doc, boardId, months);

export const addCostOption = (doc: Y.Doc, boardId: string, label: string) => core.addCostOption(doc, boardId, newDocId(), label);

export function removeCostOption(doc: Y.Doc, boardId: string, optionId: string, label: string) {
  return removalsOf(doc).remove({ kind: 'option', text: label }, () => core.removeCostOption(doc, boardId, optionId));
}

export interface LineInput {
  optionId: string;
  side: CostSide;
  label: string;
  amount: number;
  currency: string;
  probability: number;
  recurrence: Recurrence;
}

export function addCostBenefitLine(doc: Y.Doc, boardId: string, actor: Author, input: LineInput, now = new Date()) {
  return core.addCostBenefitLine(doc, boardId, { id: newDocId(), ...input, author: actor, at: now });
}

export function deleteCostBenefitLine(doc: Y.Doc, boardId: string, lineId: string, label: string) {
  return removalsOf(doc).remove({ kind: 'item', text: label }, () => core.deleteCostBenefitLine(doc, boardId, lineId));
}
