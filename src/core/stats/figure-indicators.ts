/**
 * The figures the source reports ask for that the first indicator table did not have (issue 9, "Figures
 * the source reports demand"): public officials in the justice chain, investigations and decisions
 * suspended for insufficient evidence (the 2017 chapter's prosecution table), defendants pending at a year
 * end by stage, convictions by the victims' age group, omitted aggravation, reparation, repatriation and
 * residency, where victims were housed on identification, victims without identity documents, and
 * prevention participants by sex and by institution. Data only, like indicators.ts (which lists these
 * after its own); the SQL of each counting unit is in src/server/stats/sources/figures.ts.
 */
import type { DimensionId } from './dimensions';
import type { IndicatorDef } from './indicators';

export const figureCountingUnits = [
  'defendant_case', 'pending_defendant', 'reparation', 'repatriation', 'residency_permit', 'victim_identification',
  'participant_sex', 'participant_institution',
] as const;
export type FigureCountingUnit = (typeof figureCountingUnits)[number];

export const figureMeasureFields = {
  defendant_case: [],
  pending_defendant: [],
  reparation: ['orderedAmount', 'paidAmount'],
  repatriation: [],
  residency_permit: [],
  victim_identification: [],
  participant_sex: ['participants'],
  participant_institution: ['participants'],
} as const satisfies Record<FigureCountingUnit, readonly string[]>;

const period: DimensionId[] = ['year', 'quarter', 'month'];
/** What every unit attached to a case can be broken down by (the registering unit's place, as elsewhere). */
const caseBase: DimensionId[] = [...period, 'registeringDepartment', 'institution', 'purpose', 'purposeGroup'];
const defendantDims: DimensionId[] = [...caseBase, 'sex', 'publicOfficial', 'victimAgeGroup'];
const defendantMulti: DimensionId[] = ['purpose', 'victimAgeGroup'];
const victimDims: DimensionId[] = [...caseBase, 'sex', 'ageGroup', 'unodcCategory', 'nationality'];
const victimMulti: DimensionId[] = ['purpose', 'nationality'];

type Def = Omit<IndicatorDef, 'multi'> & { multi?: readonly DimensionId[] };
const def = (d: Def): IndicatorDef => ({ multi: [], ...d });
const defendant = (id: string, condition: string, date: string): IndicatorDef =>
  def({ id, unit: 'defendant_case', measure: { kind: 'count' }, date, condition, dimensions: defendantDims, multi: defendantMulti, section: 'prosecution' });

export const figureIndicators: readonly IndicatorDef[] = [
  defendant('investigated', 'investigated', 'justice.investigation.occurredOn'),
  defendant('suspended_insufficient_evidence', 'suspended_insufficient_evidence', 'justice.suspended.occurredOn'),
  defendant('officials_investigated', 'official_investigated', 'justice.investigation.occurredOn'),
  defendant('officials_prosecuted', 'official_charged', 'justice.charges_filed.occurredOn'),
  defendant('officials_convicted', 'official_convicted', 'justice.conviction.occurredOn'),
  defendant('convictions_by_victim_age', 'convicted', 'justice.conviction.occurredOn'),
  defendant('aggravation_omitted', 'aggravation_omitted', 'justice.charge.occurredOn'),
  def({
    id: 'pending_year_end', unit: 'pending_defendant', measure: { kind: 'count' }, date: 'year_end',
    dimensions: [...period, 'stage', 'registeringDepartment', 'institution', 'purpose', 'sex', 'publicOfficial'], multi: ['purpose'], section: 'prosecution',
  }),
  def({ id: 'reparations_ordered', unit: 'reparation', measure: { kind: 'count' }, date: 'reparation.orderedOn', dimensions: [...victimDims, 'reparationKind', 'currency'], multi: victimMulti, section: 'protection' }),
  def({ id: 'reparation_ordered_amount', unit: 'reparation', measure: { kind: 'sum', field: 'orderedAmount' }, date: 'reparation.orderedOn', dimensions: [...victimDims, 'reparationKind', 'currency'], multi: victimMulti, section: 'protection' }),
  def({ id: 'reparations_paid', unit: 'reparation', measure: { kind: 'count' }, date: 'reparation.paidOn', condition: 'paid', dimensions: [...victimDims, 'reparationKind', 'currency'], multi: victimMulti, section: 'protection' }),
  def({ id: 'reparation_paid_amount', unit: 'reparation', measure: { kind: 'sum', field: 'paidAmount' }, date: 'reparation.paidOn', condition: 'paid', dimensions: [...victimDims, 'reparationKind', 'currency'], multi: victimMulti, section: 'protection' }),
  def({ id: 'repatriations', unit: 'repatriation', measure: { kind: 'count' }, date: 'repatriation.repatriatedOn', dimensions: [...victimDims, 'destinationCountry'], multi: victimMulti, section: 'protection' }),
  def({ id: 'residency_permits', unit: 'residency_permit', measure: { kind: 'count' }, date: 'residency.grantedOn', dimensions: [...victimDims, 'permitType'], multi: victimMulti, section: 'protection' }),
  def({ id: 'victims_by_housing', unit: 'victim_identification', measure: { kind: 'count' }, date: 'victim.identifiedOn', dimensions: [...victimDims, 'housing', 'identityDocument'], multi: victimMulti, section: 'protection' }),
  def({ id: 'victims_without_identity_document', unit: 'victim_identification', measure: { kind: 'count' }, date: 'victim.identifiedOn', condition: 'no_identity_document', dimensions: [...victimDims, 'housing'], multi: victimMulti, section: 'protection' }),
  def({ id: 'prevention_participants_by_sex', unit: 'participant_sex', measure: { kind: 'sum', field: 'participants' }, date: 'activity.activityDate', dimensions: [...period, 'sex', 'preventionType', 'placeDepartment', 'registeringDepartment', 'institution'], section: 'prevention' }),
  def({ id: 'prevention_participants_by_institution', unit: 'participant_institution', measure: { kind: 'sum', field: 'participants' }, date: 'activity.activityDate', dimensions: [...period, 'participantInstitution', 'preventionType', 'placeDepartment', 'registeringDepartment', 'institution'], section: 'prevention' }),
];
