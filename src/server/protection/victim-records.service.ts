import { asc, eq } from 'drizzle-orm';
import type { IdentificationUpdate, RepatriationCreate, ReparationCreate, ResidencyPermitCreate } from '../../contracts/protection';
import { mayReceiveResidencyPermit } from '../../core/protection/residency';
import type { Tx } from '../../db/connect';
import { caseVictims, persons, shelterStays, victimRepatriations, victimReparations, victimResidencyPermits } from '../../db/schema';
import { writeAudit } from '../audit/audit.writer';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { ruleRefused } from '../errors/app-error';
import { updateVersioned } from '../versioned-update';
import { presentRepatriation, presentReparation, presentResidencyPermit, presentStay } from './protection.presenter';
import { assertDates, today, touchCase } from './protection.rules';
import type { createReferralService } from './referral.service';
import { loadVisibleVictim, loadWritableVictim, type VisibleVictim } from '../policy';

const presentIdentification = ({ victim }: Pick<VisibleVictim, 'victim'>) => ({
  victimId: victim.id,
  caseId: victim.caseId,
  version: victim.version,
  identificationStatus: victim.identificationStatus,
  identifiedByInstitutionId: victim.identifiedByInstitutionId,
  identifiedOn: victim.identifiedOn,
  consentToServices: victim.consentToServices,
});

/**
 * Per-victim protection records: identification status (versioned), reparation, repatriation and
 * residency (append and list), and the victim's whole protection file in one view.
 */
export function createVictimRecordsService(deps: Deps, referralService: ReturnType<typeof createReferralService>) {
  const { db } = deps;

  async function updateIdentification(ctx: Ctx, victimId: string, input: IdentificationUpdate) {
    return db.transaction(async (tx) => {
      const { victim } = await loadWritableVictim(tx, ctx, victimId, { forUpdate: true });
      assertDates([{ field: 'identifiedOn', value: input.identifiedOn }]);
      const updated = await updateVersioned(tx, caseVictims, 'victim', victimId, input.version, {
        identificationStatus: input.identificationStatus,
        identifiedByInstitutionId: ctx.actor.institutionId,
        identifiedOn: input.identifiedOn ?? today(),
      });
      await writeAudit(tx, ctx, {
        action: 'victim.identification',
        entityType: 'case_victim',
        entityId: victimId,
        details: { caseId: victim.caseId, from: victim.identificationStatus, to: input.identificationStatus },
      });
      await touchCase(tx, victim.caseId);
      return presentIdentification({ victim: updated });
    });
  }

  /** Appends one record for a victim the actor may write for (never through analyst-wide reading), audited. */
  async function append<T extends { id: string }>(ctx: Ctx, victimId: string, action: string, insert: (tx: Tx, found: VisibleVictim) => Promise<T>) {
    return db.transaction(async (tx) => {
      const found = await loadWritableVictim(tx, ctx, victimId);
      const row = await insert(tx, found);
      await writeAudit(tx, ctx, { action, entityType: 'case_victim', entityId: victimId, details: { caseId: found.case.id, recordId: row.id } });
      await touchCase(tx, found.case.id);
      return row;
    });
  }

  const base = (ctx: Ctx, found: VisibleVictim) => ({ caseId: found.case.id, caseVictimId: found.victim.id, institutionId: ctx.actor.institutionId, recordedBy: ctx.actor.userId });

  const addReparation = (ctx: Ctx, victimId: string, input: ReparationCreate) => {
    assertDates([{ field: 'orderedOn', value: input.orderedOn }, { field: 'paidOn', value: input.paidOn, notBefore: { field: 'orderedOn', value: input.orderedOn } }]);
    if ((input.paidAmount ?? 0) > input.orderedAmount) throw ruleRefused('reparation.paid_exceeds_ordered');
    return append(ctx, victimId, 'victim.reparation', async (tx, found) => {
      const values = { ...base(ctx, found), kind: input.kind, orderedAmount: input.orderedAmount.toFixed(2), paidAmount: (input.paidAmount ?? 0).toFixed(2), currency: input.currency, orderedOn: input.orderedOn ?? null, paidOn: input.paidOn ?? null };
      const [row] = await tx.insert(victimReparations).values(values).returning();
      return row!;
    }).then(presentReparation);
  };

  const addRepatriation = (ctx: Ctx, victimId: string, input: RepatriationCreate) => {
    assertDates([{ field: 'repatriatedOn', value: input.repatriatedOn }]);
    if (input.fromCountry === input.toCountry) throw ruleRefused('repatriation.same_country');
    return append(ctx, victimId, 'victim.repatriation', async (tx, found) => {
      const [row] = await tx.insert(victimRepatriations).values({ ...base(ctx, found), ...input }).returning();
      return row!;
    }).then(presentRepatriation);
  };

  const addResidencyPermit = (ctx: Ctx, victimId: string, input: ResidencyPermitCreate) => {
    assertDates([{ field: 'grantedOn', value: input.grantedOn }]);
    if (input.expiresOn && input.expiresOn < input.grantedOn) throw ruleRefused('residency.expires_before_granted');
    return append(ctx, victimId, 'victim.residency_permit', async (tx, found) => {
      const [person] = await tx.select({ nationalities: persons.nationalities }).from(persons).where(eq(persons.id, found.victim.personId)).limit(1);
      if (!mayReceiveResidencyPermit(person?.nationalities ?? [])) throw ruleRefused('residency.not_foreign');
      const [row] = await tx.insert(victimResidencyPermits).values({ ...base(ctx, found), permitType: input.permitType, grantedOn: input.grantedOn, expiresOn: input.expiresOn ?? null }).returning();
      return row!;
    }).then(presentResidencyPermit);
  };

  async function listRecords(ctx: Ctx, victimId: string) {
    const found = await loadVisibleVictim(db, ctx, victimId);
    const byVictim = { id: found.victim.id };
    const [reparations, repatriations, permits, stays] = await Promise.all([
      db.select().from(victimReparations).where(eq(victimReparations.caseVictimId, byVictim.id)).orderBy(asc(victimReparations.createdAt)),
      db.select().from(victimRepatriations).where(eq(victimRepatriations.caseVictimId, byVictim.id)).orderBy(asc(victimRepatriations.repatriatedOn)),
      db.select().from(victimResidencyPermits).where(eq(victimResidencyPermits.caseVictimId, byVictim.id)).orderBy(asc(victimResidencyPermits.grantedOn)),
      db.select().from(shelterStays).where(eq(shelterStays.caseVictimId, byVictim.id)).orderBy(asc(shelterStays.checkInOn)),
    ]);
    return {
      found,
      reparations: reparations.map(presentReparation),
      repatriations: repatriations.map(presentRepatriation),
      residencyPermits: permits.map(presentResidencyPermit),
      stays: stays.map(presentStay),
    };
  }

  /** Everything protection knows about one victim in one case, for those who may see that victim. */
  async function protectionFile(ctx: Ctx, victimId: string) {
    const { found, ...records } = await listRecords(ctx, victimId);
    const referrals = await referralService.list(ctx, { victimId, page: 1, pageSize: 200, direction: 'all' });
    return { ...presentIdentification(found), ...records, referrals: referrals.items };
  }

  return { updateIdentification, addReparation, addRepatriation, addResidencyPermit, listRecords, protectionFile };
}
