import { z } from 'zod';

export const changeQuery = z.object({
  /** Opaque; from a previous page's nextCursor. Absent: from the beginning of the feed. */
  cursor: z.string().max(40).regex(/^\d{1,15}-\d{1,15}$/, { message: 'invalid_cursor' }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type ChangeQuery = z.infer<typeof changeQuery>;

export const changeView = z.object({
  entity: z.string(),
  id: z.uuid(),
  /** The case the record belongs to (victims, suspects, places, justice events, referrals). */
  caseId: z.uuid().nullable(),
  externalId: z.string().nullable(),
  version: z.number().int().nullable(),
  kind: z.enum(['created', 'updated', 'removed']),
  committedAt: z.string().nullable(),
});
export type ChangeView = z.infer<typeof changeView>;

export const changePage = z.object({
  items: z.array(changeView),
  /** Where the next request continues: pass it back as `cursor`, also when items is empty. */
  nextCursor: z.string(),
  /** More committed changes lie beyond nextCursor (they may still be out of the reader's scope). */
  hasMore: z.boolean(),
});
export type ChangePage = z.infer<typeof changePage>;

export const feedHead = z.object({ cursor: z.string() });
