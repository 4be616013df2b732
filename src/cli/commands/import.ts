import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { loadActor } from '../../server/auth/actor';
import type { Ctx } from '../../server/context';
import { createImportJobHandler, type ImportResult } from '../../server/imports/import.job';
import { createImportService, IMPORT_JOB } from '../../server/imports/import.service';
import type { ImportReport } from '../../server/imports/import.validate';
import { createJobRunner } from '../../server/jobs/job.runner';
import { reportFailure, withRegistry } from '../run';

function printReport(report: ImportReport) {
  console.log(`${report.fileName} (sha256 ${report.fileHash}): ${report.rows} rows, ${report.badRows} with errors`);
  for (const [entity, c] of Object.entries(report.entities)) console.log(`  ${entity}: ${c.rows} rows (${c.new} new, ${c.existing} already in the registry)`);
  for (const e of report.errors) console.log(`  ERROR ${e.sheet} row ${e.line}${e.column ? ` [${e.column}]` : ''}: ${e.message}`);
  for (const w of report.warnings) console.log(`  note  ${w.sheet} row ${w.line}${w.column ? ` [${w.column}]` : ''}: ${w.message}`);
}

function printResult(result: ImportResult) {
  for (const [entity, t] of Object.entries(result.entities)) console.log(`  ${entity}: ${t.created} created, ${t.updated} updated, ${t.unchanged} unchanged, ${t.conflict} conflicts, ${t.refused} refused`);
  for (const c of result.conflicts) console.log(`  CONFLICT ${c.sheet} row ${c.line} (${c.externalId}): edited in RETA since the last import (version ${c.version}); not overwritten`);
  for (const r of result.refused) console.log(`  REFUSED ${r.sheet} row ${r.line}${r.column ? ` [${r.column}]` : ''}: ${r.message}`);
}

/**
 * `reta import <file> --user <username> [--dry-run] [--mapping m.json]`: the same import as the API, as that
 * user (their institution, scope and permissions). A run interrupted (Ctrl-C, SIGKILL) is resumed by the next
 * `reta import` or by the server's job runner; nothing is written twice.
 */
export function registerImportCommand(program: Command) {
  program
    .command('import <file>')
    .description('import cases, places, victims, suspects, operations, hotline calls, justice events and referrals from XLSX, CSV (or a ZIP of CSVs) or NDJSON')
    .requiredOption('--user <username>', 'the user the import acts as (their institution owns the records)')
    .option('--dry-run', 'validate everything and print the report; write nothing')
    .option('--mapping <file>', 'a JSON column mapping for a legacy spreadsheet ({ "sheets": {…}, "columns": {…} })')
    .option('--lang <es|en>', 'language of the report', 'es')
    .action(async (file: string, opts: { user: string; dryRun?: boolean; mapping?: string; lang: string }) => {
      try {
        const data = readFileSync(file);
        const mapping = opts.mapping ? JSON.parse(readFileSync(opts.mapping, 'utf8')) : undefined;
        const code = await withRegistry('import', async ({ deps }) => {
          const [user] = await deps.db.select({ id: users.id }).from(users).where(eq(users.username, opts.user)).limit(1);
          const actor = user ? await loadActor(deps.db, user.id) : undefined;
          if (!actor) throw new Error(`no active user "${opts.user}"`);
          const ctx: Ctx = { actor, requestId: 'cli:import', locale: opts.lang === 'en' ? 'en' : 'es' };
          const service = createImportService(deps, { maxBytes: deps.config.importMaxBytes });
          const options = { fileName: basename(file), mapping };
          if (opts.dryRun) {
            const report = await service.dryRun(ctx, data, options);
            printReport(report);
            return report.errors.length ? 2 : 0;
          }
          const job = await service.start(ctx, data, options);
          console.log(`import job ${job.id} queued`);
          const runner = createJobRunner(deps, { [IMPORT_JOB]: createImportJobHandler(deps) }, { staleSeconds: 30 });
          const ticker = setInterval(() => void service.get(ctx, job.id).then((j) => console.log(`  … ${JSON.stringify(j.progress)}`)).catch(() => undefined), 5000);
          try {
            await runner.drain();
          } finally {
            clearInterval(ticker);
          }
          const done = await service.get(ctx, job.id);
          console.log(`import job ${job.id}: ${done.status}`);
          if (done.status === 'done') printResult(done.result as ImportResult);
          else if ((done.error as { report?: ImportReport })?.report) printReport((done.error as { report: ImportReport }).report);
          else if (done.error) console.log(`  ${JSON.stringify(done.error)}`);
          return done.status === 'done' ? 0 : 2;
        });
        process.exit(code);
      } catch (error) {
        reportFailure(error);
      }
    });
}
