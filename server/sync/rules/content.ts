// Over 400 lines: one judgement walks the update once, and its rules share what that walk reads; each rule with state of its own lives beside it (board-values, text-fields, put-back, member-fields).
import * as Y from 'yjs';
import { DocRoot } from '#core/doc/schema';
import { FileRefs, maxAttachments, PageAnchor } from '#core/doc/attachments';
import { BoardValues, fieldOf, valuesOf } from './board-values.ts';
import { maxStructsWalked, TooMuchWork, UpdateReading, type Place } from './places.ts';
import { clocksLeftDeleted } from './delete-growth.ts';
import type { ClockRange } from '../delete-set.ts';
import { entryRules } from './entry-rules.ts';
import type { Author } from './author.ts';
import { fieldsOfHeld, fieldsOfNew, nothingRemoved, sameFields, type PutBackView, type RemovedEntry } from './put-back.ts';
import { TextFields } from './text-fields.ts';
import { memberFieldsOf, memberRefusal, noMembers, type ActivityMembers } from './member-fields.ts';

/** Allowed, with the board entries the update removes and those it puts back (W11). */
export type ContentVerdict =
  | { allowed: true; removed: RemovedEntry[]; putBack: RemovedEntry[]; leftDeleted: LeftDeleted }
  | { allowed: false; rule: ContentRule; reason: string };
/** What the update would leave deleted that is not now (U14): ranges per client, and bytes for what may be. */
export type LeftDeleted = { ranges: Map<number, ClockRange[]>; uncertainBytes: number };
export type ContentRule = 'W1' | 'W2' | 'W3' | 'W4' | 'W5' | 'W6' | 'W7' | 'W12' | 'W13' | 'W15' | 'U11' | 'U12';

/** The files of the activity (the room keeps their ids): what an attachment may name (W13). */
export interface ActivityFiles {
  has(fileId: string): boolean;
}
const noFiles: ActivityFiles = { has: () => false };

/** Fields that refer to files (core/doc/attachments.ts): a plain value, judged as written (W13). */
const fileFields = { files: 'files', anchor: 'anchor' } as const;
const isFileField = (key: string | null | undefined): key is keyof typeof fileFields => key === 'files' || key === 'anchor';

/** Fields of a board entry that say who wrote it: set once, by its writer, never changed (W1). */
const authorship = new Set(['authorId', 'authorName', 'createdAt', 'placedBy']);
/** Fields that name the person changing something: always the sender (W1). */
const senderFields = new Set(['createdBy', 'editedBy']);

class Refused extends Error {
  constructor(
    readonly rule: ContentRule,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const refuse = (rule: ContentRule, reason: string): never => {
  throw new Refused(rule, reason);
};

/**
 * Judges what an update would do to the document's content against who sends it (SPEC
 * W1–W7, W11–W13, W15): a pure function of the update, the document (only read), the sender and
 * what they recently removed. The update is decoded, each item it inserts and each live
 * item it deletes is placed in the schema (core/doc/schema.ts), and the first rule
 * broken is returned.
 */
export function judgeContent(
  update: Uint8Array,
  doc: Y.Doc,
  sender: Author,
  removedBefore: PutBackView = nothingRemoved,
  files: ActivityFiles = noFiles,
  members: ActivityMembers = noMembers,
): ContentVerdict {
  try {
    const judgement = new ContentJudgement(new UpdateReading(doc, update), sender, removedBefore, files, members);
    const leftDeleted = judgement.run();
    return { allowed: true, removed: judgement.removed, putBack: judgement.putBack, leftDeleted };
  } catch (err) {
    if (err instanceof Refused) return { allowed: false, rule: err.rule, reason: err.reason };
    if (err instanceof TooMuchWork) return { allowed: false, rule: 'U11', reason: err.message };
    throw err;
  }
}

class ContentJudgement {
  /** Entries and comments this update creates, with the values of the fields it gives them. */
  private readonly newEntries = new Map<Y.Item, Map<string, unknown[] | null>>();
  /** Where each new board entry lands (`<board>/<part>/<key>`), for W11. */
  private readonly entryPlaces = new Map<Y.Item, string>();
  /** Board entries (items, options) this update removes, as they were; and those it puts back (W11). */
  readonly removed: RemovedEntry[] = [];
  readonly putBack: RemovedEntry[] = [];
  private readonly newComments = new Map<Y.Item, Map<string, unknown[] | null>>();
  /** The board each new board entry lands in (W15). */
  private readonly entryBoards = new Map<Y.Item, Y.Item>();
  /** What boards' entries, settings and parts are given (W15). */
  private readonly values: BoardValues;
  /** What entries' text fields are given and typed (W15). */
  private readonly texts: TextFields;
  /** Entries that exist whose member fields (an action item's owner) this update writes, with what it writes (W15). */
  private readonly memberChanges = new Map<Y.Item, { board: Y.Item; written: Map<string, unknown> }>();
  /** Per board's entry map, the entries this update deletes (W7). */
  private readonly deletedEntries = new Map<Y.Item, Y.Item[]>();
  private readonly facilitator: boolean;

  constructor(
    private readonly reading: UpdateReading,
    private readonly sender: Author,
    private readonly removedBefore: PutBackView,
    private readonly files: ActivityFiles,
    private readonly members: ActivityMembers,
  ) {
    this.facilitator = sender.role === 'facilitator';
    this.values = new BoardValues(reading);
    this.texts = new TextFields(reading);
  }

  run(): LeftDeleted {
    // New entries first: an update may list an entry's later edits (another client id) before it.
    const placed: [Y.Item, Place][] = [];
    for (const item of this.reading.inserts) {
      const place = this.reading.placeOf(item);
      if (!place) continue; // lands in something already deleted: Yjs drops it
      // map.set writes one value; Y.Map shows a key's last, the rules read its first (U12).
      // The key is the item's, or its origin's for a value set after another (it names none).
      if (place.steps.at(-1)!.key !== null && (valuesOf(item)?.length ?? 0) > 1) refuse('U12', 'a map key holds one value');
      placed.push([item, place]);
      const n = place.steps.length;
      if (place.root === DocRoot.methods && n === 3 && place.steps[1]!.key === 'items') {
        this.newEntry(item, this.newEntries);
        this.entryPlaces.set(item, placeKey(place));
        this.entryBoards.set(item, place.steps[0]!.item);
      }
      if (place.root === DocRoot.methods && n === 2) {
        const refusal = this.values.noteBoardKey(place.steps[0]!.item, place.steps[1]!.key ?? '', item);
        if (refusal) refuse('W15', refusal);
      }
      if (place.root === DocRoot.comments && n === 1) this.newEntry(item, this.newComments);
    }
    for (const [item, place] of placed) this.inserted(item, place);
    if (this.reading.tangled) refuse('W1', 'the change cannot be placed in the document');
    const replaced = this.replaced(placed);
    for (const item of [...this.reading.deletes, ...replaced]) this.deleted(item);
    for (const [entry, fields] of this.newEntries) {
      const puttingBack = this.puttingBack(entry, fields);
      if (!puttingBack) this.entryAuthorship(fields);
      const board = this.entryBoards.get(entry)!;
      for (const [field, values] of fields) this.entryValue(board, field, values);
      if (this.reading.deletedHere(entry) || entry.content instanceof Y.ContentDeleted) continue;
      // Put back as it was removed (W11), an entry keeps whom it named.
      if (!puttingBack) this.namesMember(board, (key) => fields.get(key)?.[0]);
      for (const field of this.values.textFieldsOf(board)) if (!this.texts.gives(entry, field)) refuse('W15', `a new entry is given its "${field}" text`);
    }
    for (const [entry, { board, written }] of this.memberChanges) {
      if (!this.reading.deletedHere(entry)) this.namesMember(board, (key) => (written.has(key) ? written.get(key) : fieldOf(entry, key)));
    }
    const overLength = this.texts.overLength();
    if (overLength) refuse('W15', overLength);
    for (const fields of this.newComments.values()) this.commentAuthorship(fields);
    this.newCommentIds();
    if (!this.facilitator) for (const [items, deleted] of this.deletedEntries) this.notCleared(items, deleted);
    return clocksLeftDeleted(this.reading, placed, replaced, maxStructsWalked);
  }

  /**
   * Values the document holds under a map key that the update sets again: Yjs deletes a
   * key's current value as the new one integrates, whether or not the update lists it among
   * its deletions, so each is judged as the deletion it is (W1–W7, W11), once.
   */
  private replaced(placed: [Y.Item, Place][]): Y.Item[] {
    const listed = new Set(this.reading.deletes);
    const found = new Set<Y.Item>();
    for (const [, place] of placed) {
      // The key as Yjs integrates it: named by the item, or its origin's (a value set after another).
      const key = place.steps.at(-1)!.key;
      if (key === null) continue;
      const current = this.heldType(place)?._map.get(key);
      if (current && !current.deleted && !listed.has(current)) found.add(current);
    }
    return [...found];
  }

  /** The held shared type a new item of this place goes into (null when it is new itself). */
  private heldType(place: Place): { _map: Map<string, Y.Item> } | null {
    const n = place.steps.length;
    if (n === 1) return this.reading.doc.share.get(place.root) ?? null;
    const holder = place.steps[n - 2]!.item;
    if (this.reading.isNew(holder) || !(holder.content instanceof Y.ContentType)) return null;
    return holder.content.type;
  }

  private structure(what: string) {
    if (!this.facilitator) refuse('W5', `${what} is the facilitator's`);
  }

  private inserted(item: Y.Item, place: Place) {
    const keys = place.steps.map((s) => s.key);
    const n = keys.length;
    switch (place.root) {
      case DocRoot.meta:
        return refuse('W6', "the document's schema version is the relay's");
      case DocRoot.methods:
        if (n === 1) return this.structure('creating or replacing a board');
        if (keys[1] !== 'items') {
          this.structure("changing a board's settings or options");
          if (n === 2 && senderFields.has(keys[1]!)) this.isSender(item, keys[1]!);
          const refusal = n >= 2 ? (this.values.setting(place, item) ?? this.values.partMember(place, item, this.members)) : null;
          if (refusal) refuse('W15', refusal);
          if (n === 4) this.partAuthorship(place, item);
          return;
        }
        if (n === 2) return this.structure("replacing a board's items");
        if (n === 3) return; // a new entry: judged with its fields (newEntry, entryAuthorship)
        return this.entryField(place, item);
      case DocRoot.comments:
        if (n === 1) return;
        return this.commentChange(place, item);
      default:
        return; // the brief, and roots the app does not read: any editor's
    }
  }

  /** A new entry (board item, comment) is a map; its fields are checked once all are read. */
  private newEntry(item: Y.Item, into: Map<Y.Item, Map<string, unknown[] | null>>) {
    if (item.content instanceof Y.ContentDeleted) return;
    if (!(item.content instanceof Y.ContentType) || !(item.content.type instanceof Y.Map)) {
      refuse('W1', 'an entry is a map that names its author');
    }
    into.set(item, new Map());
  }

  /** A field of a board entry: `place` is methods/<board>/items/<entry>/<field>… */
  private entryField(place: Place, item: Y.Item) {
    const entry = place.steps[2]!.item;
    const field = place.steps[3]!.key ?? '';
    const textMax = this.values.textMax(place.steps[0]!.item, field);
    if (textMax !== undefined) return this.textField(place, item, textMax);
    if (field === fileFields.files) this.fileReference(item, 'files', place.steps.length - 3);
    const fields = this.newEntries.get(entry);
    if (!fields && !this.reading.deletedHere(item) && !this.reading.deletedHere(entry)) {
      this.entryValue(place.steps[0]!.item, field, place.steps.length === 4 ? valuesOf(item) : null);
    }
    if (!fields && place.steps.length === 4 && !this.reading.deletedHere(item)) this.memberFieldWritten(place, field, item);
    if (fields) {
      // A field written twice in one update (both kept) has no value the judge can foresee.
      if (place.steps.length === 4 && !this.reading.deletedHere(item)) fields.set(field, fields.has(field) ? null : valuesOf(item));
      else if (authorship.has(field) || senderFields.has(field)) refuse('W1', 'who wrote an entry is a plain value');
      return;
    }
    if (authorship.has(field)) refuse('W1', 'who wrote an entry never changes');
    if (senderFields.has(field)) {
      if (place.steps.length > 4) refuse('W1', 'who changed an entry is a plain value');
      this.isSender(item, field);
    }
    this.methodRule(place, field);
  }

  /** W15 for a text field (an agenda item's notes): given with its entry, then typed into, plain and bounded. */
  private textField(place: Place, item: Y.Item, max: number) {
    const entry = place.steps[2]!.item;
    const field = place.steps[3]!.key ?? '';
    const n = place.steps.length;
    const refusal =
      n === 4
        ? this.texts.written(entry, this.newEntries.has(entry) || this.reading.deletedHere(entry), field, item, max)
        : this.texts.inserted(place.steps[3]!.item, item, n - 4, place.steps[n - 1]!.key, max);
    if (refusal) refuse('W15', refusal);
  }

  /** W12: a method's own rule for changing a field of one of its entries. */
  private methodRule(place: Place, field: string) {
    const kind = fieldOf(place.steps[0]!.item, 'kind');
    const rule = typeof kind === 'string' ? entryRules[kind] : undefined;
    const entry = place.steps[2]!.item;
    const why = rule?.(field, (key) => fieldOf(entry, key), this.sender);
    if (why) refuse('W12', why);
  }

  /** Changes to a comment that exists: appended versions, and the removal mark (W2–W4). */
  private commentChange(place: Place, item: Y.Item) {
    const comment = place.steps[0]!.item;
    const field = place.steps[1]!.key;
    const n = place.steps.length;
    const fresh = this.newComments.get(comment);
    if (fresh) {
      if (isFileField(field)) this.fileReference(item, field, n - 1);
      if (n === 2 && field !== null) fresh.set(field, valuesOf(item));
      if (n === 3 && field === 'versions') this.versionsBySender(item);
      return;
    }
    if (field === 'versions' && n === 3) {
      if (fieldOf(comment, 'authorId') !== this.sender.id) refuse('W3', "only a comment's author adds versions to it");
      return this.versionsBySender(item);
    }
    if (field === 'removed' && n === 2) {
      this.mayRemove(comment);
      const mark = valuesOf(item)?.[0] as { by?: unknown; name?: unknown } | undefined;
      if (mark?.by !== this.sender.id || mark.name !== this.sender.name) refuse('W1', 'a removal names who removed the comment');
      return;
    }
    refuse('W2', 'a comment changes only by a new version or being marked removed');
  }

  /**
   * W13: what an attachment (`files`) or a page anchor (`anchor`) is given, each value as
   * written (whichever Yjs keeps is then valid): one plain value directly under the key
   * (`depth` 1), of the schema's shape, naming files of this activity only.
   */
  private fileReference(item: Y.Item, field: keyof typeof fileFields, depth: number) {
    if (item.content instanceof Y.ContentDeleted) return;
    const values = valuesOf(item);
    if (depth !== 1 || values?.length !== 1) refuse('W13', `${field} is one plain value`);
    const value = values![0];
    if (field === 'files') {
      if (!Array.isArray(value) || value.length > maxAttachments) refuse('W13', `at most ${maxAttachments} files are attached`);
      const ids = FileRefs.safeParse(value);
      if (!ids.success) refuse('W13', 'attached files are a list of file ids');
      for (const id of ids.data!) if (!this.files.has(id)) refuse('W13', 'an attached file is a file of this activity');
      return;
    }
    const anchor = PageAnchor.safeParse(value);
    if (!anchor.success) refuse('W13', 'a page anchor names a file, a page from 1 and a region on that page');
    if (!this.files.has(anchor.data!.fileId)) refuse('W13', 'a page anchor names a file of this activity');
  }

  private versionsBySender(item: Y.Item) {
    const versions = valuesOf(item);
    if (item.content instanceof Y.ContentDeleted) return;
    if (!versions) return refuse('W2', 'a version is a plain value');
    for (const v of versions) {
      if ((v as { by?: unknown } | null)?.by !== this.sender.id) refuse('W1', 'a version names its writer');
    }
  }

  private mayRemove(comment: Y.Item) {
    if (!this.facilitator && fieldOf(comment, 'authorId') !== this.sender.id) {
      refuse('W4', 'a comment is removed only by its author or a facilitator');
    }
  }

  private deleted(item: Y.Item) {
    const place = this.reading.placeOf(item);
    if (!place) return;
    const keys = place.steps.map((s) => s.key);
    const n = keys.length;
    switch (place.root) {
      case DocRoot.meta:
        return refuse('W6', "the document's schema version is the relay's");
      case DocRoot.methods: {
        if (n === 1) return this.structure('removing a board');
        if (keys[1] !== 'items') return this.structure("changing a board's settings or options");
        if (n === 2) return this.structure("removing a board's items");
        const entry = place.steps[2]!.item;
        if (n === 3) {
          const fields = fieldsOfHeld(item);
          if (fields) this.removed.push({ place: placeKey(place), fields });
          const list = this.deletedEntries.get(place.steps[1]!.item) ?? [];
          this.deletedEntries.set(place.steps[1]!.item, [...list, item]);
          return;
        }
        if (this.reading.deletedHere(entry)) return;
        const textMax = this.values.textMax(place.steps[0]!.item, keys[3] ?? '');
        if (textMax !== undefined) {
          const refusal = this.texts.deleted(place.steps[3]!.item, item, n - 4, keys[3] ?? '', textMax);
          return refusal ? refuse('W15', refusal) : undefined;
        }
        if (authorship.has(keys[3] ?? '')) return refuse('W1', 'who wrote an entry never changes');
        return this.methodRule(place, keys[3] ?? '');
      }
      case DocRoot.comments:
        if (n === 1) return refuse('W4', 'a comment is not deleted: it is marked removed, and the mark stays');
        if (n === 2 && keys[1] === 'removed') return this.mayRemove(place.steps[0]!.item);
        return refuse('W2', "a comment's versions are append-only");
      default:
        return;
    }
  }

  /**
   * W11: a new entry that is one the sender removed at the same place, recently (the
   * relay remembers it) or in this very update, with every field as it was, is put back
   * whoever wrote it. Each removal is put back once.
   */
  private puttingBack(entry: Y.Item, given: Map<string, unknown[] | null>): boolean {
    const place = this.entryPlaces.get(entry);
    const fields = place === undefined ? null : fieldsOfNew(given, this.texts.textsOf(entry));
    if (place === undefined || !fields) return false;
    const spent = this.putBack.filter((p) => p.place === place).length;
    const earlier = this.removedBefore.removedAt(place).filter((f) => sameFields(f, fields)).length;
    const here = this.removed.filter((r) => r.place === place && sameFields(r.fields, fields)).length;
    if (earlier + here <= spent) return false;
    this.putBack.push({ place, fields });
    return true;
  }

  /** W1: a new entry names the sender as its author, or a facilitator as who placed it. */
  private entryAuthorship(fields: Map<string, unknown[] | null>) {
    const placedBy = fields.get('placedBy');
    if (placedBy !== undefined) {
      if (!this.facilitator || !only(placedBy, this.sender.id)) refuse('W1', 'only a facilitator places entries for others, as themselves');
      if (typeof placedBy?.[0] !== 'string' || !fields.has('authorId')) refuse('W1', 'a placed entry names its author');
    } else if (!only(fields.get('authorId'), this.sender.id) || !only(fields.get('authorName'), this.sender.name)) {
      refuse('W1', 'a new entry carries your own id and name');
    }
    for (const field of senderFields) if (fields.has(field) && !only(fields.get(field), this.sender.id)) refuse('W1', `${field} is you`);
  }

  /** W1: a new comment names the sender, and holds its versions. */
  private commentAuthorship(fields: Map<string, unknown[] | null>) {
    if (!only(fields.get('authorId'), this.sender.id) || !only(fields.get('authorName'), this.sender.name)) {
      refuse('W1', 'a new comment carries your own id and name');
    }
    if (fields.has('removed')) refuse('W4', 'a comment is not removed as it is written');
  }

  /** W1: a new comment's id is new, to the document and within the update. */
  private newCommentIds() {
    if (this.newComments.size === 0) return;
    const ids = new Set<unknown>();
    for (const comment of this.reading.doc.getArray(DocRoot.comments)) if (comment instanceof Y.Map) ids.add(comment.get('id'));
    for (const fields of this.newComments.values()) {
      const id = fields.get('id')?.[0];
      if (typeof id !== 'string') continue;
      if (ids.has(id)) refuse('W1', "a new comment's id is new");
      ids.add(id);
    }
  }

  /** W7: deleting entries one by one is anyone's (history restores them); emptying a board is not. */
  private notCleared(items: Y.Item, deleted: Y.Item[]) {
    const map = (items.content as Y.ContentType).type as Y.Map<unknown>;
    if (deleted.length < 2 || deleted.length < map.size) return;
    const others = deleted.some((entry) => fieldOf(entry, 'authorId') !== this.sender.id);
    if (others) refuse('W7', "emptying a board of others' entries is the facilitator's");
  }

  /** W15: a field of an entry holds a value its board's method takes (methods that say). */
  /** Notes a member field (an action item's owner) written on an entry that exists, judged once the update is read whole (W15). */
  private memberFieldWritten(place: Place, field: string, item: Y.Item) {
    const board = place.steps[0]!.item;
    const fields = memberFieldsOf(fieldOf(board, 'kind'));
    if (!fields || (field !== fields.id && field !== fields.name)) return;
    const entry = place.steps[2]!.item;
    const change = this.memberChanges.get(entry) ?? { board, written: new Map<string, unknown>() };
    change.written.set(field, valuesOf(item)?.[0]);
    this.memberChanges.set(entry, change);
  }

  /** W15: an entry of `board` that names a member names one of the activity, under their current name. */
  private namesMember(board: Y.Item, value: (key: string) => unknown) {
    const refusal = memberRefusal(fieldOf(board, 'kind'), value, this.members);
    if (refusal) refuse('W15', refusal);
  }

  private entryValue(board: Y.Item, field: string, values: unknown[] | null) {
    const refusal = this.values.entry(board, field, values);
    if (refusal) refuse('W15', refusal);
  }

  /** W1 for an entry of a board's other part (an agenda's decisions): written under the sender's id and name, never changed after. */
  private partAuthorship(place: Place, item: Y.Item) {
    const field = place.steps[3]!.key ?? '';
    if (!authorship.has(field) && !senderFields.has(field)) return;
    if (senderFields.has(field)) return this.isSender(item, field);
    if (!this.reading.isNew(place.steps[2]!.item)) return refuse('W1', 'who wrote an entry never changes');
    if (field === 'authorId') this.isSender(item, field);
    if (field === 'authorName' && !only(valuesOf(item), this.sender.name)) refuse('W1', 'a new entry carries your own id and name');
  }

  private isSender(item: Y.Item, field: string) {
    if (!only(valuesOf(item), this.sender.id)) refuse('W1', `${field} is you`);
  }
}

/** A board entry's place as W11 remembers it: `<board>/<part>/<key>`. */
const placeKey = (place: Place) => place.steps.map((s) => s.key).join('/');

const only = (values: unknown[] | null | undefined, expected: string) => values?.length === 1 && values[0] === expected;
