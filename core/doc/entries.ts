import * as Y from 'yjs';
import type { Author } from './author.ts';
import { FileRefs, maxAttachments } from './attachments.ts';

/**
 * Board entries (items, options) are one Y.Map each, keyed by id in their board's map:
 * one person moving an entry while another edits its text keeps both changes.
 */
export type EntryMaps = Y.Map<Y.Map<unknown>>;

/** Puts a validated entry in `entries` as a Y.Map of its fields (undefined ones left out). */
export function putEntry(doc: Y.Doc, entries: EntryMaps, entry: { id: string }) {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(entry)) if (value !== undefined) map.set(key, value);
    entries.set(entry.id, map);
  });
}

/** Reads every entry that matches its schema; one that does not (a foreign client) is skipped. */
export function readEntries<T>(entries: EntryMaps | null, parse: (raw: unknown) => T | null): T[] {
  const out: T[] = [];
  for (const entry of entries?.values() ?? []) {
    const value = entry instanceof Y.Map ? parse(entry.toJSON()) : null;
    if (value) out.push(value);
  }
  return out;
}

/** Changes an entry's text (already validated) and notes who and when; false if it is gone. */
export function editEntryText(doc: Y.Doc, entries: EntryMaps, id: string, text: string, by: Author, at: Date) {
  const map = entries.get(id);
  if (!map) return false;
  if (map.get('text') === text) return true;
  doc.transact(() => {
    map.set('text', text);
    map.set('editedAt', at.toISOString());
    map.set('editedBy', by.id);
  });
  return true;
}

/**
 * Sets the files attached to an entry (ids of the activity's files, already cut to the
 * bound by fileRefs); none removes the field. Notes who and when; false if it is gone.
 */
export function setEntryFiles(doc: Y.Doc, entries: EntryMaps, id: string, files: string[] | undefined, by: Author, at: Date) {
  const map = entries.get(id);
  if (!map) return false;
  doc.transact(() => {
    if (files) map.set('files', files);
    else map.delete('files');
    map.set('editedAt', at.toISOString());
    map.set('editedBy', by.id);
  });
  return true;
}

/** The files attached to an entry now (none when it has none or is gone). */
export function entryFiles(entries: EntryMaps | null, id: string): string[] {
  return FileRefs.safeParse(entries?.get(id)?.get('files')).data ?? [];
}

/** Attaches `fileId` to an entry (after those it has, within the bound); false if it is gone or has it. */
export function attachToEntry(doc: Y.Doc, entries: EntryMaps, id: string, fileId: string, by: Author, at: Date) {
  const current = entryFiles(entries, id);
  if (!entries.has(id) || current.includes(fileId) || current.length >= maxAttachments) return false;
  return setEntryFiles(doc, entries, id, [...current, fileId], by, at);
}

/** Takes `fileId` off an entry (the file itself stays in the activity). */
export function detachFromEntry(doc: Y.Doc, entries: EntryMaps, id: string, fileId: string, by: Author, at: Date) {
  const current = entryFiles(entries, id);
  if (!current.includes(fileId)) return false;
  const left = current.filter((f) => f !== fileId);
  return setEntryFiles(doc, entries, id, left.length > 0 ? left : undefined, by, at);
}

export function deleteEntry(entries: EntryMaps, id: string) {
  if (!entries.has(id)) return false;
  entries.delete(id);
  return true;
}

/** The Y.Map under `key` of a board map, if it is one. */
export function entriesOf(board: Y.Map<unknown> | null, key: string): EntryMaps | null {
  const map = board?.get(key);
  return map instanceof Y.Map ? (map as EntryMaps) : null;
}
