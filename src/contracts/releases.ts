import { z } from 'zod';
import { publicTableNames, statsResult } from './stats';

const year = z.coerce.number().int().min(2000).max(2100);

const change = z.object({ row: z.string().nullable(), column: z.string().nullable(), before: z.string(), after: z.string() });

/** One public table as released: a statistics result holding disclosure-controlled values only. */
export const releasedTable = z.object({ name: z.enum(publicTableNames), result: statsResult, changes: z.array(change) });

/** What a release freezes (and its hash covers): the public tables of one year and where it comes from. */
export const releaseContent = z.object({
  kind: z.literal('public_release'),
  year: z.number().int(),
  revision: z.number().int().min(1),
  /** The content hash of the release this one revises (null for the first): the hashes form a chain. */
  previousHash: z.string().nullable(),
  note: z.string().nullable(),
  period: z.object({ from: z.string(), to: z.string() }),
  threshold: z.number().int(),
  definitionsVersion: z.string(),
  tables: z.array(releasedTable),
});
export type ReleaseContent = z.infer<typeof releaseContent>;

/** A release as anyone may see it (the public list). */
export const releaseSummary = z.object({
  id: z.uuid(),
  year: z.number().int(),
  revision: z.number().int(),
  previousId: z.uuid().nullable(),
  note: z.string().nullable(),
  definitionsVersion: z.string(),
  contentHash: z.string(),
  publishedAt: z.string(),
});
export type ReleaseSummary = z.infer<typeof releaseSummary>;
export const releaseList = z.object({ items: z.array(releaseSummary) });

/** For analysts: also who published it. */
export const releaseRecord = releaseSummary.extend({ publishedBy: z.object({ id: z.uuid(), displayName: z.string() }) });
export const releaseRecordList = z.object({ items: z.array(releaseRecord) });

export const releaseView = releaseSummary.extend({ content: releaseContent, hashVerified: z.boolean() });
export type ReleaseView = z.infer<typeof releaseView>;

export const releasePreviewQuery = z.object({ year });
/** What publishing now would freeze, beside the latest release of the year it would revise. */
export const releasePreview = z.object({
  year: z.number().int(),
  revision: z.number().int(),
  /** The release a publication would revise: send it back as `revises` (optimistic concurrency). */
  revises: z.uuid().nullable(),
  content: releaseContent,
  contentHash: z.string(),
  changed: z.number().int(),
});

export const releaseCreate = z.object({
  year,
  /** Required for a revision: what changed and why. */
  note: z.string().trim().min(1).max(2000).optional(),
  /** The latest release of the year when the preview was made (null: the first release). */
  revises: z.uuid().nullable(),
});
export type ReleaseCreate = z.infer<typeof releaseCreate>;

export const releaseParams = z.object({ releaseId: z.uuid() });
export const publicReleaseListQuery = z.object({ year: year.optional() });
export const publicReleaseTableParams = z.object({ table: z.enum(publicTableNames) });
/** `year` (latest revision of that year) or `release` (one release); one of them is required. */
export const publicReleaseTableQuery = z.object({ year: year.optional(), release: z.uuid().optional() });
export const publicIndex = z.object({ tables: z.array(z.string()), threshold: z.number().int(), years: z.array(z.number().int()), latestYear: z.number().int().nullable() });
