import { z } from 'zod';
import { Id, IsoDateTime } from '../api/common.ts';

/** Who wrote a board entry and when, and who changed it last (the relay's, SPEC W1): spread into an entry's schema. */
export const authoredFields = {
  authorId: Id,
  authorName: z.string().max(120),
  createdAt: IsoDateTime,
  editedAt: IsoDateTime.optional(),
  editedBy: Id.optional(),
};
