import { z } from 'zod';

/** `GET /api/v1/admin/demo`: is this a demo database, with which options, and the reset in progress if any. */
export const demoStatusView = z.object({
  /** True on a database made by `reta demo` (also one whose generation was interrupted). */
  demoDatabase: z.boolean(),
  /** `generating` also when a generation was killed part-way: a reset puts it right. */
  generation: z.enum(['generating', 'complete']).nullable(),
  seed: z.number().int().nullable(),
  victims: z.number().int().nullable(),
  /** The day the generated history ends; `asOfFixed` when it was given explicitly (else "today" at each reset). */
  asOf: z.string().nullable(),
  asOfFixed: z.boolean(),
  reset: z.object({
    state: z.enum(['idle', 'running', 'succeeded', 'failed']),
    victimsDone: z.number().int(),
    victimsTotal: z.number().int(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    /** Rows made per table by the last successful reset. */
    rows: z.record(z.string(), z.number()).nullable(),
    /** Error code of a failed reset (translated in the UI). */
    error: z.string().nullable(),
  }),
});
export type DemoStatusView = z.infer<typeof demoStatusView>;
