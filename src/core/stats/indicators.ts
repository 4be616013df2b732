/**
 * Every indicator RETA computes, defined once, as data: what is counted (the counting unit), how
 * (measure), which date places it in a period, which dimensions break it down, and whether any of those
 * are multi-select (then categories overlap and percentages add up to more than 100%). The SQL for each
 * counting unit and named condition is in src/server/stats/; names and descriptions are translated in
 * src/i18n/{es,en}/indicators.ts under `indicators.<id>.name` / `.description`.
 */
import type { DimensionId } from './dimensions';
import { figureCountingUnits, figureIndicators, figureMeasureFields } from './figure-indicators';

export const baseCountingUnits = [
  'case', 'victim', 'suspect', 'defendant', 'sentence', 'referral_victim', 'service_victim', 'shelter_stay',
  'hotline_call', 'operation', 'prevention_activity',
] as const;
export type BaseCountingUnit = (typeof baseCountingUnits)[number];
export const countingUnits = [...baseCountingUnits, ...figureCountingUnits] as const;
export type CountingUnit = (typeof countingUnits)[number];

/**
 * The fields each counting unit can sum or take the median of. The SQL of each (src/server/stats/
 * stats.sources.ts `values`) is typed by this table, and an indicator naming a field its unit does not
 * have fails the typecheck or the unit test over the indicator table (src/core/stats/measures.test.ts) —
 * never a silent 0 (issue 9 item 8).
 */
export const measureFields = {
  case: [],
  victim: [],
  suspect: [],
  defendant: [],
  sentence: ['sentenceMonths'],
  referral_victim: [],
  service_victim: [],
  shelter_stay: ['nights'],
  hotline_call: ['arrests'],
  operation: ['persons_found', 'minors_found', 'victims_identified', 'arrests'],
  prevention_activity: ['participants'],
  ...figureMeasureFields,
} as const satisfies Record<CountingUnit, readonly string[]>;
export type MeasureField<U extends CountingUnit = CountingUnit> = (typeof measureFields)[U][number];

export type Measure =
  | { kind: 'count' }
  | { kind: 'distinct_persons' }
  | { kind: 'sum'; field: MeasureField }
  | { kind: 'median'; field: MeasureField };

export interface IndicatorDef {
  id: string;
  unit: CountingUnit;
  measure: Measure;
  /** The date that places a record in a period (documented; the SQL reads it by this name). */
  date: string;
  /** A named condition on the unit's rows (src/server/stats/stats.sources.ts `conditions`). */
  condition?: string;
  dimensions: readonly DimensionId[];
  /** Dimensions where one record has several values (purposes, nationalities, places…). */
  multi: readonly DimensionId[];
  /** Section of the annual report / dashboard the indicator belongs to. */
  section: 'overview' | 'prosecution' | 'protection' | 'prevention';
}

const period: DimensionId[] = ['year', 'quarter', 'month'];
const caseDims: DimensionId[] = [
  ...period, 'registeringDepartment', 'exploitationDepartment', 'prosecutionDistrict', 'purpose', 'purposeGroup', 'sector', 'source', 'stage', 'institution', 'unit', 'owningDepartment', 'owningUnit',
];
const personDims: DimensionId[] = ['sex', 'ageBandReta', 'ageBandPeru', 'unodcCategory', 'ageBandCtdc', 'ageGroup', 'nationality', 'originDepartment'];
const caseMulti: DimensionId[] = ['exploitationDepartment', 'purpose', 'sector'];
const victimDims: DimensionId[] = [...caseDims, ...personDims, 'identificationStatus'];
const victimMulti: DimensionId[] = [...caseMulti, 'nationality'];
const defendantDims: DimensionId[] = [...caseDims.filter((d) => d !== 'stage'), 'sex', 'nationality', 'ageBandPeru', 'unodcCategory', 'stage'];
const defendantMulti: DimensionId[] = [...caseMulti, 'nationality'];

const def = (d: Omit<IndicatorDef, 'section'> & { section?: IndicatorDef['section'] }): IndicatorDef => ({ section: 'overview', ...d });
const defendant = (id: string, condition: string, date: string): IndicatorDef =>
  def({ id, unit: 'defendant', measure: { kind: 'count' }, date, condition, dimensions: defendantDims, multi: defendantMulti, section: 'prosecution' });

export const indicators: readonly IndicatorDef[] = [
  def({ id: 'cases', unit: 'case', measure: { kind: 'count' }, date: 'case.registeredAt', dimensions: caseDims, multi: caseMulti }),
  def({ id: 'victims', unit: 'victim', measure: { kind: 'count' }, date: 'case.registeredAt', dimensions: victimDims, multi: victimMulti }),
  def({ id: 'victim_persons', unit: 'victim', measure: { kind: 'distinct_persons' }, date: 'case.registeredAt', dimensions: victimDims, multi: victimMulti }),
  def({ id: 'suspects', unit: 'suspect', measure: { kind: 'count' }, date: 'case.registeredAt', dimensions: defendantDims, multi: defendantMulti, section: 'prosecution' }),
  def({ id: 'suspect_persons', unit: 'suspect', measure: { kind: 'distinct_persons' }, date: 'case.registeredAt', dimensions: defendantDims, multi: defendantMulti, section: 'prosecution' }),
  defendant('arrests', 'arrested', 'justice.arrest.occurredOn'),
  defendant('prosecuted', 'charged', 'justice.charges_filed.occurredOn'),
  defendant('convictions', 'convicted', 'justice.conviction.occurredOn'),
  defendant('acquittals', 'acquitted', 'justice.acquittal.occurredOn'),
  defendant('dismissals', 'dismissed', 'justice.dismissal.occurredOn'),
  defendant('archives', 'archived', 'justice.archived.occurredOn'),
  defendant('reclassified', 'reclassified', 'justice.conviction_or_charge.occurredOn'),
  def({ id: 'sentences', unit: 'sentence', measure: { kind: 'count' }, date: 'justice.sentence.occurredOn', dimensions: [...defendantDims, 'sentenceBand'], multi: defendantMulti, section: 'prosecution' }),
  def({ id: 'sentence_median_months', unit: 'sentence', measure: { kind: 'median', field: 'sentenceMonths' }, date: 'justice.sentence.occurredOn', dimensions: defendantDims, multi: defendantMulti, section: 'prosecution' }),
  def({ id: 'below_minimum', unit: 'sentence', measure: { kind: 'count' }, date: 'justice.sentence.occurredOn', condition: 'below_minimum', dimensions: defendantDims, multi: defendantMulti, section: 'prosecution' }),
  def({ id: 'victims_referred', unit: 'referral_victim', measure: { kind: 'count' }, date: 'referral.requestedOn', dimensions: [...victimDims, 'serviceType', 'referralStatus'], multi: [...victimMulti, 'serviceType', 'referralStatus'], section: 'protection' }),
  def({ id: 'victims_assisted', unit: 'service_victim', measure: { kind: 'count' }, date: 'service.startedOn', dimensions: [...victimDims, 'serviceType'], multi: [...victimMulti, 'serviceType'], section: 'protection' }),
  def({ id: 'shelter_stays', unit: 'shelter_stay', measure: { kind: 'count' }, date: 'stay.checkInOn', dimensions: [...period, 'shelter', 'placeDepartment', 'institution', 'sex', 'ageBandReta', 'ageGroup', 'unodcCategory'], multi: [], section: 'protection' }),
  def({ id: 'shelter_bed_nights', unit: 'shelter_stay', measure: { kind: 'sum', field: 'nights' }, date: 'stay.checkInOn', dimensions: [...period, 'shelter', 'placeDepartment', 'institution'], multi: [], section: 'protection' }),
  ...(['hotline_calls', 'hotline_arrests'] as const).map((id) =>
    def({
      id,
      unit: 'hotline_call',
      measure: id === 'hotline_calls' ? { kind: 'count' } : { kind: 'sum', field: 'arrests' },
      date: 'call.receivedAt',
      dimensions: [...period, 'hotlineClassification', 'hotlineOutcome', 'hotlineChannel', 'placeDepartment', 'registeringDepartment', 'institution', 'unit'],
      multi: [],
      section: 'protection',
    }),
  ),
  ...(['operations', 'operation_persons_found', 'operation_minors_found', 'operation_victims_identified', 'operation_arrests'] as const).map((id) =>
    def({
      id,
      unit: 'operation',
      measure: id === 'operations' ? { kind: 'count' } : { kind: 'sum', field: id.replace('operation_', '') as MeasureField<'operation'> },
      date: 'operation.operationDate',
      dimensions: [...period, 'operationType', 'placeDepartment', 'registeringDepartment', 'institution', 'unit'],
      multi: [],
      section: 'prosecution',
    }),
  ),
  ...(['prevention_activities', 'prevention_participants'] as const).map((id) =>
    def({
      id,
      unit: 'prevention_activity',
      measure: id === 'prevention_activities' ? { kind: 'count' } : { kind: 'sum', field: 'participants' },
      date: 'activity.activityDate',
      dimensions: [...period, 'preventionType', 'audience', 'placeDepartment', 'registeringDepartment', 'institution', 'unit'],
      multi: ['audience'],
      section: 'prevention',
    }),
  ),
  ...figureIndicators,
];

/** The measure field of an indicator, when its unit has it (the unit test checks every indicator has). */
export const hasMeasureField = (i: Pick<IndicatorDef, 'unit' | 'measure'>) =>
  !('field' in i.measure) || (measureFields[i.unit] as readonly string[]).includes(i.measure.field);

export const indicatorById = (id: string) => indicators.find((i) => i.id === id);

/** Count-type measures can be percentaged and suppressed as counts; medians and sums of amounts cannot. */
export const isCountMeasure = (m: Measure) => m.kind === 'count' || m.kind === 'distinct_persons' || m.kind === 'sum';

/**
 * Changes whenever a definition changes: reports record which definitions they were computed with.
 * 2026.3: an age derived from the birth year counts as a presumed child only when the person may have
 * been under 18 (that age minus one is under 18: born 1997, facts in 2016 → adult); a median with no
 * record behind it is blank, not 0; the figures of the source reports (investigated, suspended,
 * officials, convictions by the victims' age, omitted aggravation, identification, reparation,
 * repatriation, residency) read the fact rows, so their age group, purpose group and merged person are the
 * same as every other statistic's.
 */
export const DEFINITIONS_VERSION = '2026.3';
