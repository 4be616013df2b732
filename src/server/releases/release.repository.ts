import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connect';
import { publicReleases, users } from '../../db/schema';

export type ReleaseRow = typeof publicReleases.$inferSelect;
export type NewRelease = typeof publicReleases.$inferInsert;

/** The SQL of public releases. Rows are only ever inserted (the database refuses anything else). */
export const releaseRepository = {
  async latestForYear(db: Db | Tx, year: number): Promise<ReleaseRow | null> {
    const [row] = await db.select().from(publicReleases).where(eq(publicReleases.year, year)).orderBy(desc(publicReleases.revision)).limit(1);
    return row ?? null;
  },

  async byId(db: Db | Tx, id: string): Promise<ReleaseRow | null> {
    const [row] = await db.select().from(publicReleases).where(eq(publicReleases.id, id)).limit(1);
    return row ?? null;
  },

  /** Newest year first, newest revision first; with the publisher's display name. */
  list(db: Db | Tx, year?: number) {
    return db
      .select({ release: publicReleases, publisherName: users.displayName })
      .from(publicReleases)
      .innerJoin(users, eq(users.id, publicReleases.publishedBy))
      .where(and(year === undefined ? undefined : eq(publicReleases.year, year)))
      .orderBy(desc(publicReleases.year), desc(publicReleases.revision));
  },

  async publishedYears(db: Db | Tx): Promise<number[]> {
    const rows = await db.select({ year: publicReleases.year }).from(publicReleases).groupBy(publicReleases.year).orderBy(desc(publicReleases.year));
    return rows.map((r) => r.year);
  },

  async insert(tx: Tx, values: NewRelease): Promise<ReleaseRow> {
    const [row] = await tx.insert(publicReleases).values(values).returning();
    return row!;
  },

  /** Serialises publications of one year (the unique index would refuse the loser anyway). */
  async lockYear(tx: Tx, year: number): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('public_release'), ${year}::int)`);
  },
};
