import type { Database } from '../store/db.ts';
import type { ActivityFiles } from './rules/content.ts';

/**
 * Most file ids a room keeps (the newest): what a comment or a board entry written now
 * may attach or point at (SPEC W13). About 40 bytes each, so at most a few MB a room.
 */
export const maxRoomFiles = 50_000;

/**
 * The ids of the activity's files, for judging references to them synchronously (the
 * judge never waits on the store). Read from the store when the room loads; the files
 * feature tells the room of each upload before the upload is answered, and of each
 * removal, so the uploader's next write already finds its file. A removal heard while
 * the room was loading is not undone by the load's older read.
 */
export class RoomFiles implements ActivityFiles {
  /** Oldest first, so that the oldest is forgotten first past the bound. */
  private ids = new Set<string>();
  private readonly removedWhileLoading = new Set<string>();
  private loaded = false;

  constructor(
    private readonly db: Database,
    private readonly activityId: string,
  ) {}

  async load() {
    const rows = await this.db.all<{ id: string }>(
      `SELECT id FROM (SELECT id, uploaded_at FROM activity_files WHERE activity_id = ? ORDER BY uploaded_at DESC, id DESC LIMIT ?) newest
        ORDER BY uploaded_at, id`,
      [this.activityId, maxRoomFiles],
    );
    // Uploads heard while loading are the newest: they go last.
    const heard = this.ids;
    this.ids = new Set(rows.map((r) => r.id).filter((id) => !this.removedWhileLoading.has(id)));
    this.added([...heard]);
    this.removedWhileLoading.clear();
    this.loaded = true;
  }

  has(fileId: string): boolean {
    return this.ids.has(fileId);
  }

  added(fileIds: readonly string[]) {
    for (const id of fileIds) {
      this.removedWhileLoading.delete(id);
      this.ids.delete(id);
      if (this.ids.size >= maxRoomFiles) this.ids.delete(this.ids.values().next().value!);
      this.ids.add(id);
    }
  }

  removed(fileIds: readonly string[]) {
    for (const id of fileIds) {
      this.ids.delete(id);
      if (!this.loaded) this.removedWhileLoading.add(id);
    }
  }
}
