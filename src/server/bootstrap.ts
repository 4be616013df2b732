import { count, eq } from 'drizzle-orm';
import { migrateDatabase, openDatabase, type Database } from '../db/connect';
import { institutions, users } from '../db/schema';
import { prepareAuditChain } from './audit/audit.prepare';
import { writeAudit } from './audit/audit.writer';
import { hashPassword, generatePassword } from './auth/passwords';
import type { Config } from './config';
import { systemCtx } from './context';
import { isUniqueViolation } from './db-errors';
import { prepareCipher } from './crypto/key-check';
import { createDeps, type Deps } from './deps';
import { ensureFacts } from './stats/facts/facts.rebuild';
import { ensureDepartments } from './reference/ubigeo.repository';
import { ensureLegalFramework } from './legal/legal.seed';

export interface Registry {
  deps: Deps;
  /** Set only when this start created the administrator with a generated password. */
  generatedAdminPassword?: string;
  close(): Promise<void>;
}

/** Opens the database, migrates it, checks the key and makes sure there is someone to log in as. */
export async function openRegistry(config: Config, lockCommand: string): Promise<Registry> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, readDatabaseUrl: config.readDatabaseUrl, dataDir: config.dataDir, lockCommand });
  try {
    return await prepareRegistry(config, database, { onWait: (message) => console.error(message) });
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * Migrations, key check, seeds and the first administrator, done by one instance at a time: a second
 * instance started together waits, then finds everything in place (and creates no second admin).
 */
export async function prepareRegistry(config: Config, database: Database, options: { onWait?: (message: string) => void } = {}): Promise<Registry> {
  return database.exclusive(async () => {
    await migrateDatabase(database);
    const cipher = await prepareCipher(database.db, { envKey: config.encryptionKey, keyFile: config.keyFile });
    await prepareAuditChain(database.db, config);
    const deps = createDeps(config, database, cipher);
    // First: any other write transaction would take a bulk load's whole fact queue at its end.
    await ensureFacts(deps.db, options.onWait);
    await ensureDepartments(deps.db);
    await ensureLegalFramework(deps.db);
    const generatedAdminPassword = await ensureFirstAdministrator(deps);
    return { deps, generatedAdminPassword, close: () => database.close() };
  }, options.onWait);
}

/** On an empty database: the national administration institution and the `admin` account. */
async function ensureFirstAdministrator(deps: Deps): Promise<string | undefined> {
  const [{ n } = { n: 0 }] = await deps.db.select({ n: count() }).from(users);
  if (Number(n) > 0) return undefined;
  const password = deps.config.adminPassword ?? generatePassword();
  const passwordHash = await hashPassword(password);
  try {
    await createFirstAdministrator(deps, passwordHash);
  } catch (error) {
    // Another instance created it first (one that started without the start-up lock): nothing to do.
    if (isUniqueViolation(error)) return undefined;
    throw error;
  }
  return deps.config.adminPassword ? undefined : password;
}

async function createFirstAdministrator(deps: Deps, passwordHash: string) {
  await deps.db.transaction(async (tx) => {
    let [institution] = await tx.select().from(institutions).where(eq(institutions.code, 'RETA')).limit(1);
    institution ??= (await tx.insert(institutions).values({ code: 'RETA', name: 'RETA — administración nacional', kind: 'other' }).returning())[0]!;
    const [admin] = await tx
      .insert(users)
      .values({
        username: 'admin',
        displayName: 'Administrador',
        institutionId: institution.id,
        roles: ['administrator'],
        scopeNational: true,
        passwordHash,
        // A generated password was shown on a console: it must be replaced at first login.
        mustChangePassword: !deps.config.adminPassword,
      })
      .returning();
    await writeAudit(tx, systemCtx(), { action: 'user.create', entityType: 'user', entityId: admin!.id, details: { username: 'admin', roles: ['administrator'], firstStart: true } });
  });
}
