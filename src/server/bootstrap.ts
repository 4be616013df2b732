import { count, eq } from 'drizzle-orm';
import { migrateDatabase, openDatabase, type Database } from '../db/connect';
import { institutions, users } from '../db/schema';
import { prepareAuditChain } from './audit/audit.prepare';
import { writeAudit } from './audit/audit.writer';
import { hashPassword, generatePassword } from './auth/passwords';
import type { Config } from './config';
import { systemCtx } from './context';
import { prepareCipher } from './crypto/key-check';
import { createDeps, type Deps } from './deps';
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
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, lockCommand });
  try {
    return await prepareRegistry(config, database);
  } catch (error) {
    await database.close();
    throw error;
  }
}

export async function prepareRegistry(config: Config, database: Database): Promise<Registry> {
  await migrateDatabase(database);
  const cipher = await prepareCipher(database.db, { envKey: config.encryptionKey, keyFile: config.keyFile });
  await prepareAuditChain(database.db, config);
  const deps = createDeps(config, database, cipher);
  await ensureDepartments(deps.db);
  await ensureLegalFramework(deps.db);
  const generatedAdminPassword = await ensureFirstAdministrator(deps);
  return { deps, generatedAdminPassword, close: () => database.close() };
}

/** On an empty database: the national administration institution and the `admin` account. */
async function ensureFirstAdministrator(deps: Deps): Promise<string | undefined> {
  const [{ n } = { n: 0 }] = await deps.db.select({ n: count() }).from(users);
  if (Number(n) > 0) return undefined;
  const password = deps.config.adminPassword ?? generatePassword();
  const passwordHash = await hashPassword(password);
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
  return deps.config.adminPassword ? undefined : password;
}
