import { index, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import { tstz } from './columns';

/** Peru's INEI UBIGEO: level 1 department (2 digits), 2 province (4), 3 district (6). */
export const ubigeo = pgTable(
  'ubigeo',
  {
    code: text('code').primaryKey(),
    level: smallint('level').notNull(),
    name: text('name').notNull(),
    parentCode: text('parent_code'),
    departmentCode: text('department_code').notNull(),
    importedAt: tstz('imported_at').notNull().defaultNow(),
  },
  (t) => [index('ubigeo_parent_idx').on(t.parentCode)],
);
