import { z } from 'zod';
import { listQuery, listResponse } from './common';

/**
 * What every inbox accepts (justice, referrals, hotline follow-up): paging, a search by case code (or the
 * end of one), and "my unit" to see only what was sent to the user's own unit.
 */
export const inboxFilters = z.object({
  q: z.string().trim().min(1).max(100).optional(),
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
});
export const inboxListQuery = listQuery.merge(inboxFilters);

/** Each row says whether it arrived after the user last looked (`isNew`); the list says how many are new. */
export const inboxMarkers = z.object({ caseCode: z.string().nullable(), isNew: z.boolean() });
export const inboxResponse = <S extends z.ZodRawShape>(item: z.ZodObject<S>) =>
  listResponse(item.extend(inboxMarkers.shape)).extend({ unseen: z.number().int(), seenAt: z.string().nullable() });
