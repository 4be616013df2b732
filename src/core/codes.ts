/**
 * The code lists of domain.md: stable English codes stored by the database and the API.
 * Labels live in the i18n catalogues (codes.<list>.<code>).
 */
export const acts = ['recruitment', 'transportation', 'transfer', 'harbouring', 'receipt'] as const;

export const means = [
  'threat', 'force', 'coercion', 'abduction', 'fraud', 'deception', 'abuse_of_power', 'abuse_of_vulnerability',
  'payment_to_controller', 'debt_bondage', 'withholding_documents', 'restricting_movement', 'psychological_abuse',
  'physical_abuse', 'sexual_abuse', 'psychoactive_substances', 'withholding_earnings', 'withholding_necessities',
  'excessive_working_hours', 'threats_to_family', 'threat_of_law_enforcement', 'other',
] as const;

export const purposes = [
  'sexual_exploitation', 'forced_labour', 'domestic_servitude', 'slavery_or_similar_practices', 'servitude',
  'forced_begging', 'forced_criminal_activity', 'sale_of_children', 'illegal_adoption', 'forced_marriage',
  'organ_removal', 'child_pornography', 'forced_military_use', 'surrogacy', 'other',
] as const;

export const sexualExploitationSubtypes = [
  'prostitution', 'pornography', 'remote_interactive_services', 'private_sexual_services', 'child_sex_tourism',
] as const;

export const sectors = [
  'mining', 'logging', 'agriculture', 'fishing', 'brick_making', 'manufacturing', 'construction', 'domestic_work',
  'street_vending', 'hospitality_bars', 'transport', 'begging', 'other',
] as const;

export const recruitmentMethods = [
  'job_offer', 'online_advert', 'social_network', 'newspaper_advert', 'employment_agency', 'tourism_agency',
  'acquaintance_or_friend', 'family', 'intimate_partner', 'at_school', 'at_workplace', 'abduction', 'other',
] as const;

export const transportModes = ['land', 'river', 'air', 'sea', 'on_foot', 'other'] as const;

export const relationships = [
  'family', 'intimate_partner', 'friend_or_acquaintance', 'employer', 'stranger', 'public_official', 'unknown',
] as const;

export const sexes = ['female', 'male', 'unknown'] as const;
export const genderIdentities = ['transgender_female', 'transgender_male', 'non_conforming', 'not_stated'] as const;
export const identificationStatuses = ['possible_victim', 'confirmed_victim', 'not_a_victim'] as const;
export const yesNoUnknown = ['yes', 'no', 'unknown'] as const;
/** Where a victim was housed on identification (the 2017 report criticises police stations). */
export const housingOnIdentification = ['shelter', 'family', 'police_station', 'other'] as const;

export const institutionKinds = [
  'police', 'prosecution', 'judiciary', 'social_services', 'labour_inspection', 'hotline', 'foreign_affairs',
  'migration', 'health', 'ngo', 'international_org', 'other',
] as const;

export const serviceTypes = [
  'shelter', 'emergency_care', 'medical', 'psychological', 'legal_aid', 'social_care', 'education', 'livelihood',
  'reintegration', 'repatriation', 'residency_permit', 'interpretation', 'family_tracing', 'other',
] as const;

export const referralStatuses = ['requested', 'accepted', 'provided', 'declined', 'closed'] as const;

export const hotlineClassifications = [
  'nuisance', 'information_request', 'tip_report_no_action', 'tip_report_action_required', 'other_crime',
] as const;

export const caseSources = [
  'complaint', 'police_operation', 'hotline', 'ex_officio', 'labour_inspection', 'referral_abroad', 'ngo', 'other',
] as const;

export const caseStatuses = ['open', 'closed'] as const;
export const placeKinds = ['recruitment', 'transit', 'exploitation', 'residence'] as const;

export const operationTypes = ['intelligence_led', 'routine_inspection', 'rescue', 'labour_inspection'] as const;
export const preventionTypes = ['training', 'awareness_campaign', 'workshop'] as const;
export const preventionAudiences = [
  'police', 'prosecutors', 'judges', 'labour_inspectors', 'teachers', 'officials', 'community_leaders',
  'tourism_sector', 'transport_sector', 'public',
] as const;

export const suspectRoles = ['recruiter', 'transporter', 'exploiter', 'controller', 'financier', 'client', 'facilitator', 'other'] as const;

/** ISCED 2011 levels, plus none/unknown. */
export const educationLevels = ['none', 'isced_0', 'isced_1', 'isced_2', 'isced_3', 'isced_4', 'isced_5', 'isced_6', 'isced_7', 'isced_8', 'unknown'] as const;

export const documentTypes = ['dni', 'carne_extranjeria', 'passport', 'birth_certificate', 'other'] as const;

/** Detailed purpose → main report group: the table lives in src/core/stats/purpose-groups.ts. */
export { mainPurposeGroup as purposeGroup } from './stats/purpose-groups';

/** ICCS 1.0 codes for the forms of exploitation (domain.md). */
export const purposeIccs: Partial<Record<(typeof purposes)[number], string>> = {
  sexual_exploitation: '02041',
  forced_labour: '02042',
  organ_removal: '02043',
  other: '02044',
};

/**
 * Why someone reads identifying data or restricted texts (the X-Access-Reason header, recorded in the audit
 * log). `other` needs a description; every code may carry one. Parsing lives in src/core/access-reason.ts.
 */
export const accessReasons = [
  'case_follow_up', 'victim_services', 'prosecution', 'court_proceedings', 'duplicate_review', 'supervision_audit',
  'data_correction', 'other',
] as const;

export const codeLists = {
  acts, means, purposes, sexualExploitationSubtypes, sectors, recruitmentMethods, transportModes, relationships,
  sexes, genderIdentities, identificationStatuses, yesNoUnknown, housingOnIdentification, institutionKinds, serviceTypes, referralStatuses,
  hotlineClassifications, caseSources, caseStatuses, placeKinds, operationTypes, preventionTypes, preventionAudiences,
  suspectRoles, educationLevels, documentTypes, accessReasons,
} as const;
export type CodeListName = keyof typeof codeLists;
