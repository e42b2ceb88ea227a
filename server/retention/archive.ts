import type { Writable } from 'node:stream';
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';
import { decisionMarkdown } from '#core/decisions/markdown';
import { boardTables } from '#core/doc/board-records';
import { documentContent } from '#core/doc/content';
import { objectsToCsv, toCsv } from '#core/export/csv';
import type { Caller } from '../accounts/sessions.ts';
import { activityFor } from '../activities/activities.ts';
import { readStoredDocument } from '../activities/stored-document.ts';
import type { Context } from '../context.ts';
import { decisionPdf } from '../decisions/pdf.ts';
import { readerLocale } from '../decisions/reader-locale.ts';
import { decisionRecord } from '../decisions/record.ts';
import { Refusal } from '../errors.ts';
import type { StoredBytes } from '../files/blobs.ts';
import { blobStoreFor } from '../files/open-blobs.ts';
import { drained } from './drained.ts';
import { photoStoreFor } from '../ideas/photo-store.ts';
import { refuseRemovedContent } from './tombstone.ts';

/** Bytes handed to the ZIP writer at a time: each deflate step stays short, and the socket's back-pressure is honoured between them. */
const sliceBytes = 64 * 1024;
/** Ideas read per statement. */
const ideasPerPage = 500;

/** A prepared archive: judged (access, tombstone) before a byte is sent, then written as a stream. */
export interface ActivityArchive {
  fileName: string;
  write(out: Writable): Promise<void>;
}

/**
 * The whole activity in one ZIP (README "Retention"), for any member who may read it:
 * the decision as PDF and Markdown (the decision export's own), each board as CSV, the
 * comments with every version as CSV, the brief as text, the ideas as CSV with their
 * photos. Written entry by entry into the response as fflate produces it, ideas a page
 * at a time and photos from disk in slices, so the relay never holds the archive whole.
 */
export async function prepareArchive(ctx: Context, caller: Caller, activityId: string, acceptLanguage: string | undefined): Promise<ActivityArchive> {
  const activity = await activityFor(ctx, caller, activityId);
  await refuseRemovedContent(ctx.db, activityId);
  const locale = await readerLocale(ctx, caller, acceptLanguage);
  const facilitator = activity.myRole === 'facilitator';
  const slug = activity.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'activity';
  return {
    fileName: `${slug}.zip`,
    async write(out) {
      const zip = new ZipStream(out);
      await zip.add('README.txt', strToU8(readme(activity.title, activity.question, ctx.now())));
      const record = await decisionRecord(ctx, caller, activityId).catch((err: unknown) => {
        if (err instanceof Refusal) return null;
        throw err;
      });
      if (record) {
        await zip.add('decision.md', strToU8(decisionMarkdown(record, locale)));
        await zip.add('decision.pdf', await decisionPdf(record, ctx.now(), locale), false);
      }
      await readStoredDocument(ctx, activityId, async (doc) => {
        const content = documentContent(doc);
        await zip.add('brief.txt', strToU8(content.brief));
        // Methods that give a table (core/doc/<method>.ts) are written as it says; the others as their entries are stored.
        const tables = new Map(boardTables(doc).map((b) => [b.id, b.rows]));
        for (const [i, board] of content.boards.entries()) {
          const name = `boards/${String(i + 1).padStart(2, '0')}-${board.kind.replace(/[^a-z0-9-]/gi, '')}`;
          const table = tables.get(board.id);
          await zip.add(`${name}.csv`, strToU8(table ? toCsv(table) : objectsToCsv(board.items, ['id'])));
          if (board.options.length > 0) await zip.add(`${name}-options.csv`, strToU8(objectsToCsv(board.options, ['id'])));
        }
        const rows: unknown[][] = [['comment', 'author', 'authorId', 'replyTo', 'removed', 'version', 'at', 'by', 'text']];
        for (const c of content.comments) {
          for (const [n, v] of c.versions.entries()) rows.push([c.id, c.authorName, c.authorId, c.parentId, c.removed, n + 1, v.at, v.by, v.text]);
        }
        await zip.add('comments.csv', strToU8(toCsv(rows)));
      });
      await writeIdeas(ctx, zip, activityId, facilitator);
      await writeFiles(ctx, zip, activityId);
      await zip.end();
    },
  };
}

/** Ideas as CSV, a page at a time into one entry; then each photo, written in slices. */
async function writeIdeas(ctx: Context, zip: ZipStream, activityId: string, facilitator: boolean) {
  const any = await ctx.db.get('SELECT 1 AS one FROM ideas WHERE activity_id = ? LIMIT 1', [activityId]);
  if (!any) return;
  const entry = zip.open('ideas.csv');
  await entry.push(strToU8(toCsv([['id', 'title', 'text', 'category', 'status', 'reason', 'votes', 'author', 'createdAt', 'photo']])));
  const photos: { file: string; name: string }[] = [];
  let after = { at: '', id: '' };
  for (;;) {
    const page = await ctx.db.all<{ id: string; title: string; text: string; category: string; status: string; reason: string | null; vote_count: number; author: string; created_at: string; file: string | null; type: string | null }>(
      `SELECT i.id, i.title, i.text, i.category, i.status, i.reason, i.vote_count, u.name AS author, i.created_at, p.file, p.type
         FROM ideas i JOIN users u ON u.id = i.author_id LEFT JOIN idea_photos p ON p.idea_id = i.id
        WHERE i.activity_id = ? AND (i.hidden_at IS NULL OR ? = 1) AND (i.created_at > ? OR (i.created_at = ? AND i.id > ?))
        ORDER BY i.created_at, i.id LIMIT ${ideasPerPage}`,
      [activityId, facilitator ? 1 : 0, after.at, after.at, after.id],
    );
    const rows = page.map((r) => {
      const photo = r.file ? `photos/${r.id}.${r.type === 'image/png' ? 'png' : r.type === 'image/webp' ? 'webp' : 'jpg'}` : '';
      if (r.file) photos.push({ file: r.file, name: photo });
      return [r.id, r.title, r.text, r.category, r.status, r.reason, r.vote_count, r.author, r.created_at, photo];
    });
    if (rows.length > 0) await entry.push(strToU8(toCsv(rows).slice(1)));
    if (page.length < ideasPerPage) break;
    after = { at: page.at(-1)!.created_at, id: page.at(-1)!.id };
  }
  await entry.push(new Uint8Array(0), true);
  const store = photoStoreFor(ctx);
  for (const p of photos) {
    const file = zip.open(p.name, false);
    await writeStored(file, () => store.read(p.file));
  }
}

/** Attached files (server/files), every version, streamed from where their bytes are: `files/<version>-<name>`. */
async function writeFiles(ctx: Context, zip: ZipStream, activityId: string) {
  const blobs = blobStoreFor(ctx);
  let after = { at: '', id: '' };
  for (;;) {
    const page = await ctx.db.all<{ id: string; name: string; version: number; sha256: string; uploaded_at: string }>(
      `SELECT id, name, version, sha256, uploaded_at FROM activity_files WHERE activity_id = ? AND (uploaded_at > ? OR (uploaded_at = ? AND id > ?))
        ORDER BY uploaded_at, id LIMIT ${ideasPerPage}`,
      [activityId, after.at, after.at, after.id],
    );
    for (const f of page) {
      const entry = zip.open(`files/${f.id}-v${f.version}-${f.name.replace(/[/\\\0]/g, '_')}`, false);
      await writeStored(entry, () => blobs.read(f.sha256));
    }
    if (page.length < ideasPerPage) return;
    after = { at: page.at(-1)!.uploaded_at, id: page.at(-1)!.id };
  }
}

/** Stored bytes (a file's, a photo's) streamed into an entry as the archive takes them; bytes missing leave it empty rather than the archive failing. */
async function writeStored(entry: ZipEntry, read: () => Promise<StoredBytes | null>) {
  try {
    const stored = await read();
    for await (const chunk of stored?.stream ?? []) {
      const bytes = chunk as Buffer;
      for (let i = 0; i < bytes.length; i += sliceBytes) await entry.push(bytes.subarray(i, i + sliceBytes));
    }
  } catch {
    // Cut or gone: what was written stays, and the entry ends.
  }
  await entry.push(new Uint8Array(0), true);
}

function readme(title: string, question: string, now: Date) {
  return [
    `${title}`,
    `${question}`,
    '',
    `Exported from Conclave on ${now.toISOString()} / Exporté de Conclave le ${now.toISOString()}.`,
    'decision.pdf, decision.md: the decision record / la décision',
    'boards/*.csv: each board / chaque tableau',
    'comments.csv: every comment, every version / chaque commentaire, chaque version',
    'brief.txt: the brief / le cadrage',
    'ideas.csv, photos/: the ideas and their photos / les idées et leurs photos',
    'files/: attached files, every version / les fichiers joints, chaque version',
    '',
  ].join('\r\n');
}

type ZipEntry = ReturnType<ZipStream['open']>;

/** fflate's streaming ZIP writing into a Node stream, waiting for it to drain (failing once its reader left). */
class ZipStream {
  private readonly zip: Zip;
  private failed: Error | null = null;
  private finished: Promise<void>;

  constructor(private readonly out: Writable) {
    let done!: () => void;
    this.finished = new Promise((resolve) => (done = resolve));
    this.zip = new Zip((err, chunk, final) => {
      if (err) this.failed = err;
      else out.write(chunk);
      if (final || err) done();
    });
  }

  /** One entry, written whole: `data` is at most what the relay already holds (a PDF, a CSV). */
  async add(name: string, data: Uint8Array, compress = true) {
    const entry = this.open(name, compress);
    for (let i = 0; i < data.length; i += sliceBytes) await entry.push(data.subarray(i, i + sliceBytes));
    await entry.push(new Uint8Array(0), true);
  }

  open(name: string, compress = true) {
    const file = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    this.zip.add(file);
    return {
      push: async (data: Uint8Array, final = false) => {
        if (this.failed) throw this.failed;
        file.push(data, final);
        if (this.out.writableNeedDrain || this.out.destroyed) await drained(this.out);
      },
    };
  }

  async end() {
    this.zip.end();
    await this.finished;
    if (this.failed) throw this.failed;
  }
}
