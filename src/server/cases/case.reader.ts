import type { CaseView } from '../../contracts/cases';
import type { Tx } from '../../db/connect';
import { writeAudit, type AuditInput } from '../audit/audit.writer';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { AppError, forbidden } from '../errors/app-error';
import { caseIdentityModeOf } from '../people/identity';
import { loadCaseAccess, loadVisibleCase, mayAddPartiesTo, ownsCase, restrictToAccess } from '../policy';
import { presentCase } from './case.presenter';
import { loadCaseParts, type CaseParts, type CaseRow } from './case.repository';

/**
 * The case as this actor may see it: parts restricted by access level, identity and narrative only
 * with identity.read and a reason (never when seen only through all_institutions) — and then the read is audited, with the reason, in `tx`.
 */
export async function presentCaseFor(tx: Tx, deps: Deps, ctx: Ctx, row: CaseRow): Promise<CaseView> {
  const { view, audit } = await presentCaseUnaudited(tx, deps, ctx, row);
  if (audit) await writeAudit(tx, ctx, audit);
  return view;
}

/**
 * presentCaseFor without writing its audit entry: the entry (when something identifying was shown) is
 * returned for the caller to write in the same transaction — registration writes all its entries last,
 * so that the audit-chain lock is held only for the final statements. `written`: the parts the caller has
 * just inserted, in loadCaseParts' order (a registration presents what it wrote instead of reading it back).
 */
export async function presentCaseUnaudited(tx: Tx, deps: Deps, ctx: Ctx, row: CaseRow, written?: CaseParts): Promise<{ view: CaseView; audit: AuditInput | null }> {
  const access = await loadCaseAccess(tx, ctx.actor, row);
  const parts = written ?? (await loadCaseParts(tx, row.id));
  const visible = restrictToAccess(parts, access);
  const mode = caseIdentityModeOf(ctx, access);
  const view = {
    ...presentCase(row, { ...visible, places: parts.places, allVictims: parts.victims }, access, mode, deps.cipher),
    mayAddParties: access.level === 'owner' || (access.level === 'granted' && (await mayAddPartiesTo(tx, ctx, row.id))),
  };
  const personIds = [...visible.victims, ...visible.suspects].map((p) => p.personId);
  // Audited when something identifying was actually shown: a person's identity or the narrative.
  const shown = mode === 'full' && (personIds.length > 0 || view.narrative);
  const audit = shown
    ? { action: 'identity.read', entityType: 'case', entityId: row.id, reason: ctx.accessReason, details: { personIds, narrative: Boolean(view.narrative) } }
    : null;
  return { view, audit };
}

/** A visible case the actor's institution owns: only the owner edits it (others: 403; out of scope: 404). */
export async function loadOwnedCase(tx: Tx, ctx: Ctx, id: string): Promise<CaseRow> {
  const row = await loadVisibleCase(tx, ctx, id);
  if (!ownsCase(ctx.actor, row)) throw new AppError('case.not_owner', 403);
  return row;
}

/** Identifying data and narratives are written only by roles with identity.write. */
export function assertIdentityWrite(ctx: Ctx, writesIdentity: boolean): void {
  if (writesIdentity && !ctx.actor.permissions.has('identity.write')) throw forbidden();
}
