import type { Command } from 'commander';
import { writeAudit } from '../../server/audit/audit.writer';
import { systemCtx } from '../../server/context';
import { rebuildFacts } from '../../server/stats/facts/facts.rebuild';
import { reportFailure, withRegistry } from '../run';

/**
 * `reta stats rebuild`: recomputes the statistics' fact tables from the records (src/server/stats/facts),
 * in batches, while the registry may stay in use. Needed after a restore from an old backup, a change of
 * the rules in src/core that derive the facts, or a new fact column; never for ordinary use (every write
 * keeps its facts in its own transaction).
 */
export function registerStatsCommands(program: Command) {
  const stats = program.command('stats').description('statistics maintenance');
  stats
    .command('rebuild')
    .description('recompute every fact row of the statistics from the records')
    .option('--batch <cases>', 'cases per transaction', '2000')
    .action(async (opts: { batch: string }) => {
      try {
        await withRegistry('stats rebuild', async ({ deps }) => {
          const batch = Math.max(1, Math.min(20_000, Number(opts.batch) || 2000));
          const started = performance.now();
          let last = 0;
          const result = await rebuildFacts(deps.db, {
            batch,
            onProgress: (n) => {
              if (n - last >= 50_000) {
                last = n;
                console.log(`${n} cases…`);
              }
            },
          });
          const seconds = (performance.now() - started) / 1000;
          await deps.db.transaction((tx) => writeAudit(tx, systemCtx('cli'), { action: 'stats.facts_rebuilt', details: { cases: result.cases, seconds: Math.round(seconds) } }));
          console.log(`Rebuilt the statistics facts of ${result.cases} cases in ${seconds.toFixed(1)} s`);
        });
      } catch (error) {
        reportFailure(error);
      }
    });
}
