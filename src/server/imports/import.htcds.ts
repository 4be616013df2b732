import { fromHtcdsCase, type HtcdsCase } from '../../core/htcds/records';
import { AppError } from '../errors/app-error';
import type { ReadEvent } from './import.reader';

const sheets = ['cases', 'places', 'victims', 'suspects'] as const;

/** The cases of an HTCDS JSON file: an array of cases, or `{ "cases": [...] }`. */
function casesOf(text: string): HtcdsCase[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new AppError('import.unreadable', 400, undefined, undefined, { detail: (error as Error).message.slice(0, 200) });
  }
  const list = Array.isArray(data) ? data : (data as { cases?: unknown })?.cases;
  if (!Array.isArray(list)) throw new AppError('import.unreadable', 400, undefined, undefined, { detail: 'expected an array of HTCDS cases' });
  return list.map((c) => ({ victims: [], perpetrators: [], events: [], ...(c as object) }) as unknown as HtcdsCase);
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/**
 * An HTCDS case file read as the template's sheets (English column names), through the two-way mapping of
 * src/core/htcds: the same validation, upserts and report as a workbook. Victims and perpetrators keep their
 * HTCDS ids (`prs_Id`) or are numbered within their case (`<cas_Id>-V1`, `-P1`), so a re-import finds them.
 * HTCDS carries no date of report nor source: `cas_DateOfReport` / `x_ReportedOn` and `x_Source` (else `other`) are read when
 * present; otherwise the dry run asks for them like any missing required column.
 * Lines in the report are the position of the case in the file (1 = the first case).
 */
export function* readHtcds(text: string): Generator<ReadEvent> {
  const all = casesOf(text);
  const mapped = all.map((h) => ({ h, c: fromHtcdsCase(h) }));
  for (const sheet of sheets) {
    yield { type: 'sheet', sheet, headers: [] };
    for (const [i, { h, c }] of mapped.entries()) {
      const line = i + 1;
      const caseId = c.externalId;
      if (sheet === 'cases') {
        const values: Record<string, unknown> = {
          externalId: caseId, source: str((h as unknown as Record<string, unknown>).x_Source) ?? 'other',
          reportedOn: str((h as unknown as Record<string, unknown>).cas_DateOfReport) ?? str((h as unknown as Record<string, unknown>).x_ReportedOn),
          factsDateFrom: h.events.map((e) => e.hte_Date).find(Boolean) ?? undefined,
          recruitmentMethods: c.recruitmentMethods, sectors: c.sectors, sexualExploitationSubtypes: c.sexualExploitationSubtypes,
        };
        yield { type: 'row', sheet, line, values };
      } else if (sheet === 'places') {
        for (const p of c.places) yield { type: 'row', sheet, line, values: { caseExternalId: caseId, kind: p.kind, ubigeo: 'ubigeo' in p ? p.ubigeo : undefined, country: 'country' in p ? p.country : undefined } };
      } else if (sheet === 'victims') {
        for (const [k, v] of c.victims.entries()) {
          const id = str(h.victims[k]?.prs_Id) ?? `${caseId}-V${k + 1}`;
          yield { type: 'row', sheet, line, values: { externalId: id, caseExternalId: caseId, sex: v.person.sex, nationalities: v.person.nationalities, identificationStatus: v.identificationStatus, means: v.means } };
        }
      } else {
        for (const [k, s] of c.suspects.entries()) {
          const id = str(h.perpetrators[k]?.prs_Id) ?? `${caseId}-P${k + 1}`;
          yield { type: 'row', sheet, line, values: { externalId: id, caseExternalId: caseId, sex: s.person.sex, nationalities: s.person.nationalities, roles: s.roles } };
        }
      }
    }
  }
}
