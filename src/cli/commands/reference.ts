import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { UbigeoImportReport } from '../../contracts/reference';
import { translate } from '../../i18n/translate';
import { systemCtx } from '../../server/context';
import { createBoundaryService } from '../../server/reference/boundaries.service';
import { createReferenceService } from '../../server/reference/reference.service';
import { reportFailure, withRegistry } from '../run';

export function formatImportReport(report: UbigeoImportReport): string {
  const line = (label: string, c: { new: number; updated: number; unchanged: number }) => `${label}: ${c.new} new, ${c.updated} updated, ${c.unchanged} unchanged`;
  const lines = [`Read ${report.rows} rows.`, line('Provinces', report.provinces), line('Districts', report.districts), `Rejected: ${report.rejected.length}`];
  for (const r of report.rejected) lines.push(`  line ${r.line}${r.code ? ` (${r.code})` : ''}: ${r.reason}`);
  return lines.join('\n');
}

export function registerReferenceCommand(program: Command) {
  const reference = program.command('reference').description('reference data (UBIGEO, map boundaries)');
  const importing = reference.command('import').description('import reference data');
  importing
    .command('boundaries <file>')
    .description('load department and province boundaries for the maps from a GeoJSON FeatureCollection (properties ubigeo or ccdd/ccpp, and nombre); safe to re-run')
    .option('--source <text>', 'attribution shown with the map (where the boundaries come from, their licence)')
    .action(async (file: string, options: { source?: string }) => {
      try {
        let input: unknown;
        try {
          input = JSON.parse(readFileSync(file, 'utf8'));
        } catch (cause) {
          if ((cause as NodeJS.ErrnoException).code) throw cause;
          throw new Error(`${file} is not a GeoJSON file: it is not valid JSON`);
        }
        await withRegistry('reference import boundaries', async ({ deps }) => {
          const report = await createBoundaryService(deps).importGeoJson(systemCtx('cli:reference-import'), input, options.source ?? null);
          console.log(`Read ${report.features} features: ${report.departments} departments, ${report.provinces} provinces loaded. Rejected: ${report.rejected.length}`);
          for (const r of report.rejected) console.log(`  feature ${r.feature}${r.code ? ` (${r.code})` : ''}: ${translate('en', 'validation', r.reason) ?? r.reason}`);
        });
      } catch (error) {
        reportFailure(error);
      }
    });
  importing
    .command('ubigeo <file>')
    .description('load provinces and districts from an INEI-format CSV (inei, departamento, provincia, distrito); safe to re-run')
    .action(async (file: string) => {
      try {
        const text = readFileSync(file, 'utf8');
        await withRegistry('reference import ubigeo', async ({ deps }) => {
          const report = await createReferenceService(deps).importUbigeoCsv(systemCtx('cli:reference-import'), text);
          console.log(formatImportReport(report));
        });
      } catch (error) {
        reportFailure(error);
      }
    });
}
