import type { OfflineReadsReport } from '../../contracts/cases';
import { writeAudit } from '../audit/audit.writer';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { forbidden } from '../errors/app-error';
import { loadVisibleCase } from '../policy';

/**
 * Reads of identity a device made with no connection, from a case kept on it (README "Offline work"),
 * reported at the next sync and recorded in the audit log like any read of identity: who, which case, when
 * (the device's clock), and the reason the user gave on the device.
 */
export function createOfflineReadsService(deps: Pick<Deps, 'db'>) {
  async function report(ctx: Ctx, caseId: string, input: OfflineReadsReport) {
    // Only someone who may read identity can have had it on the device: anyone else's report is refused.
    if (!ctx.actor.permissions.has('identity.read')) throw forbidden();
    await deps.db.transaction(async (tx) => {
      await loadVisibleCase(tx, ctx, caseId);
      for (const read of input.reads) {
        await writeAudit(tx, ctx, { action: 'identity.read_offline', entityType: 'case', entityId: caseId, reason: read.reason, details: { readAt: read.at, offline: true } });
      }
    });
  }
  return { report };
}
