import type { CaseView } from '../../contracts/cases';
import { peruDepartments } from '../../core/geo/departments';
import enTexts from '../../i18n/en/printouts';
import esTexts from '../../i18n/es/printouts';
import type { Locale } from '../../i18n/translate';
import { countryName } from '../reference/countries';
import { codeLabel } from '../reports/report.labels';
import { PAGE, PAGES, pageText, renderPdf, type PdfDocument } from './pdf-engine';

const catalogues = { es: esTexts, en: enTexts } as const;

function text(locale: Locale, path: string, params: Record<string, string | number> = {}): string {
  let node: unknown = catalogues[locale].caseSummary;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const template = typeof node === 'string' ? node : path;
  return template.replace(/\{\{(\w+)\}\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export interface PrintContext {
  locale: Locale;
  /** Who printed it and when, on every page: a printed copy stays traceable. */
  printedBy: string;
  printedAt: Date;
  demoMode: boolean;
}

type Node = Record<string, unknown> | string;

const departmentName = (code: string | null) => (code ? peruDepartments.find((d) => d.code === code)?.name ?? code : '—');

/**
 * The printable summary of a case, built only from the view the reader was given (src/server/cases
 * case.reader.ts): what the reader may not see is absent from the view, so it cannot reach the paper.
 */
export function caseSummaryDocument(c: CaseView, print: PrintContext): PdfDocument {
  const { locale } = print;
  const t = (path: string, params?: Record<string, string | number>) => text(locale, path, params);
  const codes = (list: string, values: readonly string[]) => (values.length ? values.map((v) => codeLabel(locale, list, v)).join(', ') : '—');
  const date = (value: string | null) => value ?? '—';
  const facts = c.factsDateFrom && c.factsDateTo && c.factsDateFrom !== c.factsDateTo ? `${c.factsDateFrom} – ${c.factsDateTo}` : date(c.factsDateFrom);
  const field = (label: string, value: string): Node[] => [{ text: label, bold: true }, value];
  const missing = c.palermo.missing.map((m) => t(`fields.${m === 'act' ? 'acts' : m === 'purpose' ? 'purposes' : 'means'}`)).join(', ');
  const caseRows = [
    field(t('fields.source'), codeLabel(locale, 'caseSources', c.source)),
    field(t('fields.reportedOn'), date(c.reportedOn)),
    field(t('fields.registeredAt'), c.registeredAt.slice(0, 10)),
    field(t('fields.facts'), facts),
    field(t('fields.department'), departmentName(c.departmentCode)),
    field(t('fields.status'), codeLabel(locale, 'caseStatuses', c.status)),
    field(t('fields.acts'), codes('acts', c.acts)),
    field(t('fields.means'), codes('means', c.means)),
    field(t('fields.purposes'), codes('purposes', c.purposes)),
    field(t('fields.palermo'), c.palermo.isTrafficking ? t('palermoMet') : t('palermoNotMet', { missing })),
  ];
  const identityShown = [...c.victims, ...c.suspects].some((p) => p.person.identity);
  const identityLine = (identity: NonNullable<CaseView['victims'][number]['person']['identity']>): Node => ({
    text: t('identityLine', {
      name: [identity.givenNames, identity.familyNames].filter(Boolean).join(' ') || '—',
      document: identity.document ? `${codeLabel(locale, 'documentTypes', identity.document.type)} ${identity.document.number}` : '—',
    }),
    margin: [12, 0, 0, 2],
  });
  const victims: Node[] = c.victims.flatMap((v, i) => {
    const age = v.ageYears === null ? (v.ageBand ? codeLabel(locale, 'victimAgeBands', v.ageBand) : t('unknownAge')) : `${t('ageYears', { years: v.ageYears })}${v.ageEstimated ? ` ${t('estimated')}` : ''}`;
    const line = t('victimLine', {
      n: i + 1,
      sex: codeLabel(locale, 'sexes', v.person.sex),
      age: `${age} · ${codeLabel(locale, 'ageGroups', v.ageGroup)}`,
      nationality: v.person.nationalities.map((n) => countryName(n, locale)).join(', ') || '—',
    });
    return [{ text: line, margin: [0, 2, 0, 0] }, ...(v.person.identity ? [identityLine(v.person.identity)] : [])];
  });
  const suspects: Node[] = c.suspects.flatMap((s, i) => {
    const line = t('suspectLine', { label: `PT${i + 1}`, sex: codeLabel(locale, 'sexes', s.person.sex), roles: codes('suspectRoles', s.roles) });
    return [{ text: s.isPublicOfficial ? `${line} · ${t('publicOfficial')}` : line, margin: [0, 2, 0, 0] }, ...(s.person.identity ? [identityLine(s.person.identity)] : [])];
  });
  const places: Node[] = c.places.map((p) => t('placeLine', { kind: codeLabel(locale, 'placeKinds', p.kind), where: p.country === 'PER' ? departmentName(p.departmentCode) + (p.ubigeo ? ` (${p.ubigeo})` : '') : countryName(p.country, locale) }));
  const section = (title: string, nodes: Node[]): Node[] => [{ text: title, style: 'h2' }, ...(nodes.length ? nodes : [t('none')])];
  const printedAt = print.printedAt.toISOString().replace('T', ' ').slice(0, 16);
  return {
    info: { title: t('title', { code: c.code }), creationDate: print.printedAt, modDate: print.printedAt },
    pageSize: 'A4',
    pageMargins: [40, 50, 40, 50],
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    styles: { h1: { fontSize: 15, bold: true }, h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] } },
    header: { text: t('confidential'), fontSize: 7, bold: true, color: '#9a3412', margin: [40, 20, 40, 0] },
    content: [
      ...(print.demoMode ? [{ text: t('training'), color: '#b00020', bold: true, margin: [0, 0, 0, 6] }] : []),
      { text: t('title', { code: c.code }), style: 'h1', margin: [0, 0, 0, 6] },
      ...(identityShown ? [] : [{ text: t('noIdentity'), italics: true, fontSize: 8, margin: [0, 0, 0, 4] }]),
      { text: t('sections.case'), style: 'h2' },
      { table: { widths: [140, '*'], body: caseRows }, layout: 'lightHorizontalLines' },
      ...(c.narrative ? [{ text: t('fields.narrative'), bold: true, margin: [0, 6, 0, 2] }, c.narrative] : []),
      ...section(t('sections.victims'), victims),
      ...section(t('sections.suspects'), suspects),
      ...section(t('sections.places'), places),
    ],
    footer: pageText(t('printed', { user: print.printedBy, at: `${printedAt} UTC`, page: PAGE, pages: PAGES }), { fontSize: 7, margin: [40, 15, 40, 0] }),
  };
}

export const renderCaseSummaryPdf = (c: CaseView, print: PrintContext) => renderPdf(caseSummaryDocument(c, print));
