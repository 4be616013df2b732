/**
 * Which code list of the codes catalogue (src/i18n/{es,en}/codes.ts) labels the values of a dimension:
 * the report renderers (PDF, XLSX) label every code in the reader's language with it. Dimensions not
 * listed have values that are data (departments, units, …: labelled by name) or self-explanatory
 * (periods, CTDC bands such as `18-20`).
 */
import type { DimensionId } from './dimensions';

export const codeListOf: Partial<Record<DimensionId, string>> = {
  sex: 'sexes', purpose: 'purposes', purposeGroup: 'purposeGroups', sector: 'sectors', source: 'caseSources', stage: 'justiceStages',
  identificationStatus: 'identificationStatuses', decision: 'decisions', serviceType: 'serviceTypes', referralStatus: 'referralStatuses',
  hotlineClassification: 'hotlineClassifications', hotlineOutcome: 'callOutcomes', hotlineChannel: 'callChannels', operationType: 'operationTypes',
  preventionType: 'preventionTypes', audience: 'preventionAudiences', ageGroup: 'ageGroups', ageBandReta: 'ageBandsReta', ageBandPeru: 'ageBandsPeru',
  unodcCategory: 'unodcCategories', sentenceBand: 'sentenceBands',
  publicOfficial: 'yesNoUnknown', victimAgeGroup: 'ageGroups', housing: 'housingOnIdentification', identityDocument: 'yesNoUnknown',
  reparationKind: 'reparationKinds', permitType: 'residencyPermitTypes',
};
