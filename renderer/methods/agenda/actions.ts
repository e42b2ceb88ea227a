import type * as Y from 'yjs';
import * as core from '#core/doc/agenda';
import * as notesCore from '#core/doc/agenda-notes';
import type { Author } from '#core/doc/author';
import { newDocId } from '#core/doc/schema';
import type { AgendaDecisionStatus } from '#core/methods/agenda';
import { relayDate } from '../../sync/relay-time.ts';
import { removalsOf } from '../../sync/removal-undo.ts';

/** What people do to agendas; each calls the core helper on the activity's doc. The timer's are the facilitator's. */

export function addAgendaBoard(doc: Y.Doc, actor: Author, now = new Date()) {
  const id = newDocId();
  core.addAgendaBoard(doc, id, actor, now);
  return id;
}

export const addAgendaItem = (doc: Y.Doc, boardId: string, actor: Author, input: { text: string; minutes: number; presenter: string }, now = new Date()) =>
  core.addAgendaItem(doc, boardId, { id: newDocId(), ...input, author: actor, at: now });

export const editAgendaItem = (doc: Y.Doc, boardId: string, actor: Author, itemId: string, text: string, now = new Date()) =>
  core.editAgendaItem(doc, boardId, itemId, text, actor, now);

export const setAgendaMinutes = (doc: Y.Doc, boardId: string, actor: Author, itemId: string, minutes: number, now = new Date()) =>
  core.setAgendaField(doc, boardId, itemId, { minutes }, actor, now);

/** Types into an item's shared notes: only what changed since the box last showed them (core/doc/agenda-notes.ts). */
export const typeAgendaNotes = (doc: Y.Doc, boardId: string, itemId: string, notes: string) => notesCore.typeAgendaNotes(doc, boardId, itemId, notes);

export const setAgendaParked = (doc: Y.Doc, boardId: string, actor: Author, itemId: string, parked: boolean, now = new Date()) =>
  core.setAgendaField(doc, boardId, itemId, { parked }, actor, now);

export const moveAgendaItem = (doc: Y.Doc, boardId: string, itemId: string, index: number) => core.moveAgendaItem(doc, boardId, itemId, index);

export function deleteAgendaItem(doc: Y.Doc, boardId: string, itemId: string, text: string) {
  return removalsOf(doc).remove({ kind: 'item', text }, () => core.deleteAgendaItem(doc, boardId, itemId));
}

// The timer runs on the relay's clock, so everyone counts from the same start (relay-time.ts).
export const startAgendaItem = (doc: Y.Doc, boardId: string, itemId: string, now = relayDate(doc)) => core.startAgendaItem(doc, boardId, itemId, now);
export const nextAgendaStep = (doc: Y.Doc, boardId: string, now = relayDate(doc)) => core.nextAgendaStep(doc, boardId, now);
export const pauseAgenda = (doc: Y.Doc, boardId: string, now = relayDate(doc)) => core.pauseAgenda(doc, boardId, now);
export const stopAgenda = (doc: Y.Doc, boardId: string, now = relayDate(doc)) => core.stopAgenda(doc, boardId, now);

/** A decision (or a proposal) taken from an agenda item: the facilitator's. False on an agenda from before, until the relay brings it up to date. */
export function addAgendaDecision(doc: Y.Doc, boardId: string, actor: Author, input: { itemId: string; text: string; status: AgendaDecisionStatus }, now = new Date()) {
  if (!core.keepsAgendaDecisions(doc, boardId)) return false;
  core.addAgendaDecision(doc, boardId, { id: newDocId(), ...input, author: actor, at: now });
  return true;
}
export const setAgendaDecisionStatus = (doc: Y.Doc, boardId: string, actor: Author, decisionId: string, status: AgendaDecisionStatus, now = new Date()) =>
  core.setAgendaDecisionStatus(doc, boardId, decisionId, status, actor, now);
export const deleteAgendaDecision = (doc: Y.Doc, boardId: string, decisionId: string) => core.deleteAgendaDecision(doc, boardId, decisionId);
