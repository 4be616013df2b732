import type { Command } from 'commander';
import { join } from 'node:path';
import { ANCHOR_FILE, AnchorError, checkpointsOf, loadSigningKey, makeAnchor, readAnchors, recordAnchor, recordedAnchors, verifyingKeys, type AuditAnchor } from '../../server/audit/audit.anchor';
import type { AuditProblem, AuditVerification } from '../../server/audit/audit.verify';
import { sealAuditLog } from '../../server/audit/audit.sealer';
import { verifyAuditChain } from '../../server/audit/audit.verify';
import { loadConfig } from '../../server/config';
import { reportFailure, withRegistry } from '../run';

const problems: Record<AuditProblem, string> = {
  hash_mismatch: 'its content was changed, or its hash was not made with the audit key',
  chain_broken: 'the chain link to the previous entry does not match: an entry before it was removed, inserted or moved',
  sequence_gap: 'its position does not follow the previous entry: an entry was removed or moved',
  unkeyed_entry: 'it carries no keyed hash although the chain is keyed: it was added outside RETA',
  not_keyed: 'the log holds no keyed entry: it was emptied',
  chain_restarted: 'the log was found emptied and its keyed chain started again here: earlier entries are lost (the anchors show how many)',
  anchor_mismatch: 'at the position of an anchor the log holds a different entry: it was rewritten after the anchor',
  anchor_truncated: 'the log ends before the position of an anchor: entries at its end were removed',
  unsealed_entry: 'it was left out of the chain while later entries were chained: the sealer stopped at it (see the server log)',
};

function describe(result: AuditVerification): string {
  const where = result.brokenAtId !== undefined ? ` at entry ${result.brokenAtId}` : '';
  const anchor = result.anchor ? ` (anchor: position ${result.anchor.seq}, head ${result.anchor.head.slice(0, 16)}…; the log reaches position ${result.head.seq})` : '';
  return `Audit log BROKEN${where}: ${problems[result.problem!]}${anchor}.`;
}

function collect(value: string, previous: string[]) {
  return [...previous, value];
}

export function registerAuditCommand(program: Command) {
  const audit = program.command('audit').description('the tamper-evident audit log');
  audit
    .command('verify')
    .description('check every entry of the keyed audit chain, and that it still reaches every anchor; exits 1 at the first problem')
    .option('--anchor <file-or-json>', 'an anchor printed by `reta audit anchor` (JSON, or a file of one or more lines); repeatable. Default: the anchors in RETA_AUDIT_ANCHOR_DIR', collect, [])
    .action(async (flags: { anchor: string[] }) => {
      let ok = false;
      try {
        const config = loadConfig();
        const given = flags.anchor.length > 0;
        let anchors: AuditAnchor[];
        try {
          anchors = given ? flags.anchor.flatMap(readAnchors) : recordedAnchors(config.auditAnchorDir);
        } catch (error) {
          throw new AnchorError(error instanceof AnchorError ? error.message : `cannot read the anchor: ${(error as Error).message}`);
        }
        const checkpoints = checkpointsOf(anchors, verifyingKeys(config));
        await withRegistry('audit verify', async ({ deps }) => {
          // Chain what is committed, then walk one snapshot (a running server may seal meanwhile).
          await sealAuditLog(deps.db).catch(() => undefined);
          const result = deps.database.kind === 'postgres'
            ? await deps.db.transaction((tx) => verifyAuditChain(tx, { anchors: checkpoints, seal: false }), { isolationLevel: 'repeatable read', accessMode: 'read only' })
            : await verifyAuditChain(deps.db, { anchors: checkpoints, seal: false });
          const against = anchors.length === 0 ? 'no anchor' : given ? `${anchors.length} anchor(s)` : `${anchors.length} anchor(s) in ${join(config.auditAnchorDir, ANCHOR_FILE)}`;
          if (result.ok) {
            console.log(`Audit log intact: ${result.entries} entries verified (keyed chain at position ${result.head.seq}${result.legacyEntries ? `, ${result.legacyEntries} entries from before the chain was keyed` : ''}${result.unsealed ? `, ${result.unsealed} entries not chained yet, each intact` : ''}), checked against ${against}.`);
            ok = true;
          } else {
            console.error(describe(result));
            if (result.brokenAtId !== undefined) console.error(`${result.entries - 1} entries before it are intact.`);
          }
        });
      } catch (error) {
        if (error instanceof AnchorError) {
          console.error(`reta: ${error.message}`);
          process.exit(1);
        }
        reportFailure(error);
      }
      process.exit(ok ? 0 : 1);
    });

  audit
    .command('anchor')
    .description('sign the current head of the audit chain (Ed25519), record it in RETA_AUDIT_ANCHOR_DIR and print it for publication')
    .action(async () => {
      try {
        const config = loadConfig();
        await withRegistry('audit anchor', async ({ deps }) => {
          const key = loadSigningKey(config.auditSigningKeyFile);
          const anchor = await makeAnchor(deps.db, key);
          const file = recordAnchor(config.auditAnchorDir, anchor, key);
          console.log(JSON.stringify(anchor));
          console.error(`Recorded in ${file}. Publish the line above or keep it apart from the server; check it later with: reta audit verify --anchor '<line>'`);
        });
      } catch (error) {
        reportFailure(error);
      }
    });
}
