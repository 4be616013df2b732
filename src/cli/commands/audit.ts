import type { Command } from 'commander';
import { verifyAuditChain } from '../../server/audit/audit.verify';
import { reportFailure, withRegistry } from '../run';

export function registerAuditCommand(program: Command) {
  const audit = program.command('audit').description('the tamper-evident audit log');
  audit
    .command('verify')
    .description('check every link of the audit hash chain; exits 1 at the first broken one')
    .action(async () => {
      let ok = false;
      try {
        await withRegistry('audit verify', async ({ deps }) => {
          const result = await verifyAuditChain(deps.db);
          if (result.ok) {
            console.log(`Audit log intact: ${result.entries} entries verified.`);
            ok = true;
          } else {
            console.error(`Audit log BROKEN at entry ${result.brokenAtId} (${result.problem === 'hash_mismatch' ? 'its content was changed' : 'the chain link to the previous entry does not match'}); ${result.entries - 1} entries before it are intact.`);
          }
        });
      } catch (error) {
        reportFailure(error);
      }
      process.exit(ok ? 0 : 1);
    });
}
