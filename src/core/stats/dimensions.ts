/**
 * The dimensions a statistic can be broken down or filtered by. Data only: the SQL for each dimension
 * on each counting unit lives in src/server/stats/stats.sources.ts. Labels: `indicators.dimensions.<id>`
 * in src/i18n/{es,en}/indicators.ts; values are codes (code lists, UBIGEO, ids) the UI labels.
 */
export const dimensionIds = [
  'year', 'quarter', 'month',
  'registeringDepartment', 'exploitationDepartment', 'originDepartment', 'placeDepartment', 'prosecutionDistrict',
  'sex', 'ageBandReta', 'ageBandPeru', 'unodcCategory', 'ageBandCtdc', 'ageGroup', 'nationality',
  'purpose', 'purposeGroup', 'sector', 'source', 'stage', 'identificationStatus',
  'institution', 'unit',
  'decision', 'sentenceBand', 'serviceType', 'referralStatus',
  'hotlineClassification', 'hotlineOutcome', 'hotlineChannel', 'operationType', 'preventionType', 'audience', 'shelter',
  // The unit that owns a case now (after transfers): apart from the registering unit's dimensions.
  'owningDepartment', 'owningUnit',
  // Figures of src/core/stats/figure-indicators.ts.
  'publicOfficial', 'victimAgeGroup', 'housing', 'identityDocument', 'reparationKind', 'currency', 'destinationCountry', 'permitType',
  'participantInstitution',
] as const;
export type DimensionId = (typeof dimensionIds)[number];

export interface DimensionDef {
  id: DimensionId;
  /** What the values are: a code list, a period, a place, a record id. */
  values: 'period' | 'code' | 'department' | 'prosecution_district' | 'institution' | 'unit' | 'country' | 'shelter';
  /** Periods sort by time; everything else by count (largest first) unless asked otherwise. */
  ordered: boolean;
}

const periodDims = new Set<DimensionId>(['year', 'quarter', 'month']);
const valuesOf = (id: DimensionId): DimensionDef['values'] => {
  if (periodDims.has(id)) return 'period';
  if (id.endsWith('Department')) return 'department';
  if (id === 'prosecutionDistrict') return 'prosecution_district';
  if (id === 'institution' || id === 'participantInstitution') return 'institution';
  if (id === 'unit' || id === 'owningUnit') return 'unit';
  if (id === 'nationality' || id === 'destinationCountry') return 'country';
  if (id === 'shelter') return 'shelter';
  return 'code';
};

export const dimensions: Record<DimensionId, DimensionDef> = Object.fromEntries(
  dimensionIds.map((id) => [id, { id, values: valuesOf(id), ordered: periodDims.has(id) || id.startsWith('ageBand') || id === 'sentenceBand' }]),
) as Record<DimensionId, DimensionDef>;

export const isDimension = (value: string): value is DimensionId => (dimensionIds as readonly string[]).includes(value);

/** The value used when a record has nothing for a dimension (no age, no place, no purpose recorded). */
export const UNKNOWN = 'unknown';
