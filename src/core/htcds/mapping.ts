/**
 * HTCDS 2.0 (Human Trafficking Case Data Standard, IOM and partners) ↔ RETA codes, both ways, pure.
 * The export (src/server/reports/htcds.export.ts) maps RETA → HTCDS; an importer maps HTCDS → RETA with
 * the `from…` functions (codes HTCDS has and RETA does not become `other`, never an error, and the
 * loss is stated by `lossyFrom…`). Field names keep HTCDS's table prefixes (prs_, vic_, per_, hte_, cas_).
 * Identifying fields of HTCDS (prs_FirstName, prs_Birthdate, contacts, addresses) are never produced here.
 */
import type { genderIdentities, means, placeKinds, recruitmentMethods, sectors, sexes, sexualExploitationSubtypes, suspectRoles } from '../codes';

type Sex = (typeof sexes)[number];
type GenderIdentity = (typeof genderIdentities)[number];
type Means = (typeof means)[number];
type Recruitment = (typeof recruitmentMethods)[number];
type Sector = (typeof sectors)[number];
type SexSubtype = (typeof sexualExploitationSubtypes)[number];
type SuspectRole = (typeof suspectRoles)[number];
type PlaceKind = (typeof placeKinds)[number];

/** A table both ways: RETA code → HTCDS value; the reverse takes the first RETA code listed for a value. */
function twoWay<R extends string, H extends string>(table: Record<R, H>, fallbackReta: R, fallbackHtcds: H) {
  const reverse = new Map<string, R>();
  for (const [reta, htcds] of Object.entries(table) as Array<[R, H]>) if (!reverse.has(htcds)) reverse.set(htcds, reta);
  return {
    to: (code: string): H => (table as Record<string, H>)[code] ?? fallbackHtcds,
    from: (value: string): R => reverse.get(value) ?? fallbackReta,
    /** The HTCDS value maps back to a RETA code exactly (not to the fallback). */
    exact: (value: string): boolean => reverse.has(value),
  };
}

/** prs_Gender: Male, Female, Transgender/NonConforming, Unknown. */
export function toHtcdsGender(sex: Sex | string, genderIdentity?: GenderIdentity | string | null): string {
  if (genderIdentity && genderIdentity !== 'not_stated') return 'Transgender/NonConforming';
  return sex === 'female' ? 'Female' : sex === 'male' ? 'Male' : 'Unknown';
}
export function fromHtcdsGender(value: string): { sex: Sex; genderIdentity: GenderIdentity | null } {
  if (value === 'Female') return { sex: 'female', genderIdentity: null };
  if (value === 'Male') return { sex: 'male', genderIdentity: null };
  if (value === 'Transgender/NonConforming') return { sex: 'unknown', genderIdentity: 'non_conforming' };
  return { sex: 'unknown', genderIdentity: null };
}

/** vic_MethodsOfControl ↔ means (domain.md: the means list follows HTCDS methods of control). */
export const methodsOfControl = twoWay<Means, string>(
  {
    debt_bondage: 'DebtBondage', withholding_earnings: 'TakesEarnings', threat: 'Threats', psychological_abuse: 'PsychologicalAbuse',
    physical_abuse: 'PhysicalAbuse', sexual_abuse: 'SexualAbuse', deception: 'FalsePromises', psychoactive_substances: 'PsychoactiveSubstances',
    restricting_movement: 'RestrictsMovement', excessive_working_hours: 'ExcessiveWorkingHours', threat_of_law_enforcement: 'ThreatOfLawEnforcement',
    withholding_necessities: 'WithholdsNecessities', withholding_documents: 'WithholdsDocuments', other: 'Other',
    // Palermo means with no HTCDS value of their own, folded into the nearest one.
    threats_to_family: 'Threats', fraud: 'FalsePromises', force: 'PhysicalAbuse',
    coercion: 'Other', abduction: 'Other', abuse_of_power: 'Other', abuse_of_vulnerability: 'Other', payment_to_controller: 'Other',
  },
  'other',
  'Other',
);

/** vic_MethodOfRecruitment ↔ recruitment methods. */
export const methodOfRecruitment = twoWay<Recruitment, string>(
  {
    job_offer: 'Job offer/advertisement', online_advert: 'Internet (social media, online advertisement)', abduction: 'Abduction',
    at_school: 'Educational Facility', family: 'Familial', intimate_partner: 'Intimate partner/marriage proposition', at_workplace: 'Work', other: 'Other',
    social_network: 'Internet (social media, online advertisement)', newspaper_advert: 'Job offer/advertisement', employment_agency: 'Job offer/advertisement',
    tourism_agency: 'Other', acquaintance_or_friend: 'Other',
  },
  'other',
  'Other',
);

/** vic_TypeOfLabourExploitation ↔ sectors. */
export const typeOfLabourExploitation = twoWay<Sector, string>(
  {
    agriculture: 'Agriculture', fishing: 'Aquafarming', begging: 'Begging', construction: 'Construction', domestic_work: 'DomesticWork',
    hospitality_bars: 'Hospitality', manufacturing: 'Manufacturing', mining: 'MiningOrDrilling', street_vending: 'Peddling', transport: 'Transportation',
    other: 'Other', brick_making: 'Manufacturing', logging: 'Other',
  },
  'other',
  'Other',
);

/** vic_TypeOfSexExploitation ↔ sexual exploitation subtypes. */
export const typeOfSexExploitation = twoWay<SexSubtype, string>(
  { prostitution: 'Prostitution', pornography: 'Pornography', remote_interactive_services: 'RemoteInteractiveServices', private_sexual_services: 'PrivateSexualServices', child_sex_tourism: 'Prostitution' },
  'prostitution',
  'Prostitution',
);

/** per_RoleInProcess ↔ suspect roles. */
export const roleInProcess = twoWay<SuspectRole, string>(
  { recruiter: 'RecruiterOrIntermediary', transporter: 'Transporter', exploiter: 'Exploiter', controller: 'ControlledIndividual', other: 'Other', financier: 'Other', client: 'Other', facilitator: 'BrokerTravelAgent' },
  'other',
  'Other',
);

/** hte_Type ↔ place kinds (a residence is no trafficking event: not exported). */
export function toHtcdsEventType(kind: PlaceKind | string): string | null {
  return kind === 'recruitment' ? 'Recruitment' : kind === 'transit' ? 'Transit' : kind === 'exploitation' ? 'Exploitation' : null;
}
export function fromHtcdsEventType(value: string): PlaceKind | null {
  return value === 'Recruitment' ? 'recruitment' : value === 'Transit' ? 'transit' : value === 'Exploitation' ? 'exploitation' : null;
}

/** cas_Status: Active, FollowUp, Closed, ClosedReferred. */
export const toHtcdsCaseStatus = (status: string): string => (status === 'closed' ? 'Closed' : 'Active');
export const fromHtcdsCaseStatus = (value: string): 'open' | 'closed' => (value === 'Closed' || value === 'ClosedReferred' ? 'closed' : 'open');

/** Identification status (domain.md: HTCDS): possible_victim ↔ PossibleVictim, … */
export const identificationStatus = twoWay<'possible_victim' | 'confirmed_victim' | 'not_a_victim', string>(
  { possible_victim: 'PossibleVictim', confirmed_victim: 'ConfirmedVictim', not_a_victim: 'NotAVictim' },
  'possible_victim',
  'PossibleVictim',
);

/** Many RETA codes to a list of distinct HTCDS values, in first-seen order. */
export const mapMany = (codes: readonly string[], to: (code: string) => string): string[] => [...new Set(codes.map(to))];

/** The HTCDS values of a list an importer would read back only approximately (mapped to a fallback). */
export const lossyFromHtcds = (values: readonly string[], mapping: { exact: (value: string) => boolean }): string[] => values.filter((v) => !mapping.exact(v));
