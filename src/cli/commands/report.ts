import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ctdcExtractQuery, exportYearQuery } from '../../contracts/reports';
import { statsQuery } from '../../contracts/stats';
import type { Permission } from '../../core/permissions';
import { systemCtx, type Ctx } from '../../server/context';
import { renderAnnualDocx } from '../../server/reports/annual.docx';
import { renderAnnualPdf } from '../../server/reports/annual.pdf';
import { renderAnnualXlsx } from '../../server/reports/annual.xlsx';
import { createExportService, type ExportFile, type ExportFormat } from '../../server/reports/export.service';
import { createSnapshotService } from '../../server/reports/snapshot.service';
import { reportFailure, withRegistry } from '../run';

/** The CLI acts as the system (whole registry), with exact figures unless --suppress is given. */
function cliCtx(suppress: boolean, locale: 'es' | 'en'): Ctx {
  const granted: Permission[] = ['stats.read', 'export.create', 'report.manage', ...(suppress ? [] : (['stats.exact'] as Permission[]))];
  return systemCtx('cli', { locale, permissions: granted });
}

function write(path: string, file: ExportFile) {
  const body = file.body instanceof Buffer || typeof file.body === 'string' ? file.body : JSON.stringify(file.body, null, 2);
  writeFileSync(path, body);
  console.log(`Wrote ${path}`);
}

const withFormat = (command: Command) =>
  command.option('--format <format>', 'csv, xlsx or json', 'csv').option('--out <file>', 'output file (default: a name in the current folder)').option('--suppress', 'disclosure-controlled figures instead of exact ones').option('--locale <es|en>', 'language of labels', 'es');

export function registerReportCommands(program: Command) {
  const report = program.command('report').description('annual reports from frozen snapshots');
  report
    .command('annual')
    .description('freeze the figures of a year into a snapshot and write it as PDF, XLSX, Word (docx) and JSON')
    .requiredOption('--year <year>', 'the year reported')
    .option('--suppress', 'disclosure-controlled figures (for publication)')
    .option('--out <prefix>', 'file name prefix', 'reta-annual-report')
    .option('--locale <es|en>', 'language of the documents', 'es')
    .action(async (opts) => {
      try {
        await withRegistry('report annual', async ({ deps }) => {
          const ctx = cliCtx(Boolean(opts.suppress), opts.locale === 'en' ? 'en' : 'es');
          const snapshots = createSnapshotService(deps, (what, error) => console.error(`reta: ${what} not available (${error instanceof Error ? error.message : error})`));
          const made = await snapshots.create(ctx, { year: exportYearQuery.parse({ year: opts.year }).year, suppress: Boolean(opts.suppress) });
          const view = await snapshots.get(ctx, made.id);
          const prefix = `${opts.out}-${made.year}`;
          writeFileSync(`${prefix}.pdf`, await renderAnnualPdf(view, ctx.locale, deps.config.demoMode));
          writeFileSync(`${prefix}.xlsx`, await renderAnnualXlsx(view, ctx.locale, deps.config.demoMode));
          writeFileSync(`${prefix}.docx`, await renderAnnualDocx(view, ctx.locale, deps.config.demoMode));
          writeFileSync(`${prefix}.json`, JSON.stringify(view, null, 2));
          console.log(`Snapshot ${made.id} of ${made.year}, content sha-256 ${made.contentHash}`);
          console.log(`Wrote ${prefix}.pdf, ${prefix}.xlsx, ${prefix}.docx, ${prefix}.json`);
        });
      } catch (error) {
        reportFailure(error);
      }
    });

  const exporter = program.command('export').description('statistics tables, UNODC GLOTIP tables and the CTDC extract as files (audited)');
  withFormat(exporter.command('table').description('one statistics table').requiredOption('--indicator <id>').option('--by <dims>', 'one or two dimensions, comma-separated').option('--from <date>').option('--to <date>')).action(
    async (opts) => run('export table', opts, (service, ctx, format) => service.table(ctx, statsQuery.parse({ indicator: opts.indicator, by: opts.by, from: opts.from, to: opts.to }), format)),
  );
  withFormat(exporter.command('glotip').description('UNODC GLOTIP tables of a year').requiredOption('--year <year>')).action(async (opts) =>
    run('export glotip', opts, (service, ctx, format) => service.glotip(ctx, exportYearQuery.parse({ year: opts.year }).year, format)),
  );
  withFormat(exporter.command('ctdc').description('CTDC-shaped victim-level extract, k-anonymised').option('--year <year>').option('--k <k>', 'minimum group size', '5')).action(async (opts) =>
    run('export ctdc', opts, (service, ctx, format) => service.ctdc(ctx, ctdcExtractQuery.parse({ year: opts.year, k: opts.k, format }))),
  );
}

async function run(command: string, opts: { format: string; out?: string; suppress?: boolean; locale?: string }, make: (service: ReturnType<typeof createExportService>, ctx: Ctx, format: ExportFormat) => Promise<ExportFile>) {
  try {
    if (!['csv', 'xlsx', 'json'].includes(opts.format)) throw new Error('--format must be csv, xlsx or json');
    await withRegistry(command, async ({ deps }) => {
      const file = await make(createExportService(deps), cliCtx(Boolean(opts.suppress), opts.locale === 'en' ? 'en' : 'es'), opts.format as ExportFormat);
      write(opts.out ?? file.filename, file);
    });
  } catch (error) {
    reportFailure(error);
  }
}
