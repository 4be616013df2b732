import { asc, eq } from 'drizzle-orm';
import type { InstitutionCreate, UnitCreate, UserCreate, UserUpdate } from '../../contracts/admin';
import { departmentOf } from '../../core/geo/departments';
import { isReservedUsername } from '../../core/usernames';
import { institutions, sessions, units, users } from '../../db/schema';
import { writeAudit } from '../audit/audit.writer';
import { assertPasswordPolicy } from '../auth/auth.service';
import { invalidateAuthCache } from '../auth/actor-cache';
import { hashPassword } from '../auth/passwords';
import type { Ctx } from '../context';
import { isUniqueViolation } from '../db-errors';
import type { Deps } from '../deps';
import { AppError, conflict, notFound } from '../errors/app-error';
import { assertUbigeosKnown } from '../reference/ubigeo.repository';
import { definedOnly, updateVersioned } from '../versioned-update';

/** Users and institutions make up the signed-in actor: its short-lived cache is cleared once the change commits. */
async function afterCommitClearAuthCache<T>(db: Deps['db'], work: Promise<T>): Promise<T> {
  const result = await work;
  invalidateAuthCache(db);
  return result;
}

/** Institutions, units and users: the administrator's work. Every change is audited. */
export function createAdminService(deps: Deps) {
  const { db } = deps;

  async function createInstitution(ctx: Ctx, input: InstitutionCreate) {
    return db.transaction(async (tx) => {
      if (input.ubigeo) await assertUbigeosKnown(tx, [{ code: input.ubigeo, field: 'ubigeo' }]);
      try {
        const [row] = await tx.insert(institutions).values({ ...input, parentId: input.parentId ?? null, ubigeo: input.ubigeo ?? null }).returning();
        await writeAudit(tx, ctx, { action: 'institution.create', entityType: 'institution', entityId: row!.id, details: { code: input.code, kind: input.kind } });
        return row!;
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('institution.code_taken');
        throw error;
      }
    });
  }

  async function updateInstitution(ctx: Ctx, id: string, input: Partial<InstitutionCreate> & { version: number }) {
    const { version, ...changes } = input;
    return afterCommitClearAuthCache(db, db.transaction(async (tx) => {
      if (changes.ubigeo) await assertUbigeosKnown(tx, [{ code: changes.ubigeo, field: 'ubigeo' }]);
      const row = await updateVersioned(tx, institutions, 'institution', id, version, definedOnly(changes));
      await writeAudit(tx, ctx, { action: 'institution.update', entityType: 'institution', entityId: id, details: { fields: Object.keys(definedOnly(changes)) } });
      return row;
    }));
  }

  const listInstitutions = () => db.select().from(institutions).orderBy(asc(institutions.name));

  async function createUnit(ctx: Ctx, input: UnitCreate) {
    return db.transaction(async (tx) => {
      const [institution] = await tx.select().from(institutions).where(eq(institutions.id, input.institutionId)).limit(1);
      if (!institution) throw new AppError('validation.failed', 400, undefined, { institutionId: 'institution.not_found' });
      if (input.ubigeo) await assertUbigeosKnown(tx, [{ code: input.ubigeo, field: 'ubigeo' }]);
      try {
        const [row] = await tx
          .insert(units)
          .values({ ...input, ubigeo: input.ubigeo ?? null, departmentCode: input.ubigeo ? departmentOf(input.ubigeo) : null })
          .returning();
        await writeAudit(tx, ctx, { action: 'unit.create', entityType: 'unit', entityId: row!.id, details: { code: input.code, institutionId: input.institutionId } });
        return row!;
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('unit.code_taken');
        throw error;
      }
    });
  }

  async function updateUnit(ctx: Ctx, id: string, input: Partial<Omit<UnitCreate, 'institutionId'>> & { version: number }) {
    const { version, ...changes } = input;
    return afterCommitClearAuthCache(db, db.transaction(async (tx) => {
      if (changes.ubigeo) await assertUbigeosKnown(tx, [{ code: changes.ubigeo, field: 'ubigeo' }]);
      const values = definedOnly({ ...changes, departmentCode: changes.ubigeo ? departmentOf(changes.ubigeo) : undefined });
      const row = await updateVersioned(tx, units, 'unit', id, version, values);
      await writeAudit(tx, ctx, { action: 'unit.update', entityType: 'unit', entityId: id, details: { fields: Object.keys(values) } });
      return row;
    }));
  }

  const listUnits = (institutionId?: string) =>
    db.select().from(units).where(institutionId ? eq(units.institutionId, institutionId) : undefined).orderBy(asc(units.name));

  async function assertUnitOfInstitution(tx: typeof db, unitId: string | null | undefined, institutionId: string) {
    if (!unitId) return;
    const [unit] = await tx.select().from(units).where(eq(units.id, unitId)).limit(1);
    if (!unit) throw new AppError('validation.failed', 400, undefined, { unitId: 'unit.not_found' });
    if (unit.institutionId !== institutionId) throw new AppError('validation.failed', 400, undefined, { unitId: 'unit.wrong_institution' });
  }

  async function createUser(ctx: Ctx, input: UserCreate) {
    // The contract refuses these too; checked again here for callers that skip it (tests, scripts).
    if (isReservedUsername(input.username)) throw new AppError('validation.failed', 400, undefined, { username: 'username_reserved' });
    if (!input.isServiceAccount) {
      if (!input.password) throw new AppError('validation.failed', 400, undefined, { password: 'required' });
      assertPasswordPolicy(input.password, input.username, 'password');
    }
    const passwordHash = input.isServiceAccount || !input.password ? null : await hashPassword(input.password);
    return db.transaction(async (tx) => {
      const [institution] = await tx.select().from(institutions).where(eq(institutions.id, input.institutionId)).limit(1);
      if (!institution) throw new AppError('validation.failed', 400, undefined, { institutionId: 'institution.not_found' });
      await assertUnitOfInstitution(tx as typeof db, input.unitId, input.institutionId);
      try {
        const [row] = await tx
          .insert(users)
          .values({
            username: input.username,
            displayName: input.displayName,
            institutionId: input.institutionId,
            unitId: input.unitId ?? null,
            roles: input.roles,
            scopeNational: input.scope.national,
            scopeDepartments: input.scope.national ? [] : input.scope.departments,
            isServiceAccount: input.isServiceAccount,
            passwordHash,
            mustChangePassword: !input.isServiceAccount,
          })
          .returning();
        await writeAudit(tx, ctx, { action: 'user.create', entityType: 'user', entityId: row!.id, details: { username: input.username, roles: input.roles, scope: input.scope } });
        return row!;
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('user.username_taken');
        throw error;
      }
    });
  }

  async function updateUser(ctx: Ctx, id: string, input: UserUpdate) {
    return afterCommitClearAuthCache(db, db.transaction(async (tx) => {
      const [current] = await tx.select().from(users).where(eq(users.id, id)).limit(1);
      if (!current) throw notFound('user');
      await assertUnitOfInstitution(tx as typeof db, input.unitId, current.institutionId);
      const values = definedOnly({
        displayName: input.displayName,
        unitId: input.unitId,
        roles: input.roles,
        scopeNational: input.scope?.national,
        scopeDepartments: input.scope ? (input.scope.national ? [] : input.scope.departments) : undefined,
        disabledAt: input.disabled === undefined ? undefined : input.disabled ? new Date() : null,
      });
      const row = await updateVersioned(tx, users, 'user', id, input.version, values);
      if (input.disabled) await tx.delete(sessions).where(eq(sessions.userId, id));
      const permissionChange = input.roles !== undefined || input.scope !== undefined;
      await writeAudit(tx, ctx, {
        action: permissionChange ? 'user.permissions_change' : input.disabled ? 'user.disable' : 'user.update',
        entityType: 'user',
        entityId: id,
        details: { fields: Object.keys(values), roles: input.roles, scope: input.scope, disabled: input.disabled },
      });
      return row;
    }));
  }

  async function resetPassword(ctx: Ctx, id: string, password: string) {
    const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
    if (!user) throw notFound('user');
    assertPasswordPolicy(password, user.username, 'password');
    const passwordHash = await hashPassword(password);
    await db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null, passwordChangedAt: new Date() }).where(eq(users.id, id));
      await tx.delete(sessions).where(eq(sessions.userId, id));
      await writeAudit(tx, ctx, { action: 'user.password_reset', entityType: 'user', entityId: id });
    });
    invalidateAuthCache(db);
  }

  const listUsers = () => db.select().from(users).orderBy(asc(users.username));
  const getUser = async (id: string) => {
    const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
    if (!row) throw notFound('user');
    return row;
  };

  return { createInstitution, updateInstitution, listInstitutions, createUnit, updateUnit, listUnits, createUser, updateUser, resetPassword, listUsers, getUser };
}

export type AdminService = ReturnType<typeof createAdminService>;
