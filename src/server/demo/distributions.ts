/**
 * How the synthetic records are distributed — taken from the figures the source reports publish, so the
 * training dataset looks like the registry it trains people for (see domain.md and issue 5):
 * - purposes: sexual 59.44%, labour 30.02% of complaints, then begging and sale of children;
 * - female victims by RETA age band 0–13 / 14–17 / 18–30 / 31+: 3.97 / 39.51 / 49.48 / 7.05%;
 * - complaints by prosecution district: Madre de Dios 27.4%, Lima 26.5%, Cusco 17.9%, Puno 16.2%,
 *   Loreto 12% of the top five, which are 51.3% of all;
 * - victims by department of origin: Cusco, Lima, Loreto, Apurímac, Huánuco, Junín = 45.9% of all.
 */
import { peruDepartments } from '../../core/geo/departments';
import type { Weights } from './prng';

/** Spreads `restShare` evenly over the departments not already weighted. */
function withRest(top: Record<string, number>, restShare: number): Record<string, number> {
  const rest = peruDepartments.filter((d) => !(d.code in top));
  const each = restShare / rest.length;
  return { ...top, ...Object.fromEntries(rest.map((d) => [d.code, each])) };
}

/** Department of exploitation (≈ prosecution district of the complaint). */
export const exploitationDepartment: Weights<string> = withRest(
  { '17': 0.513 * 0.274, '15': 0.513 * 0.265, '08': 0.513 * 0.179, '21': 0.513 * 0.162, '16': 0.513 * 0.12 },
  0.487,
);

/** Department of origin of victims. */
export const originDepartment: Weights<string> = withRest(
  { '08': 0.145, '15': 0.104, '16': 0.066, '03': 0.052, '10': 0.046, '12': 0.046 },
  0.541,
);

/** The corridors the reports describe: origin departments that feed each exploitation department. */
export const corridors: Readonly<Record<string, readonly string[]>> = {
  '17': ['08', '21', '03', '05', '04'], // Madre de Dios mining camps ← Cusco, Puno, Apurímac, Ayacucho, Arequipa
  '15': ['16', '10', '12', '08', '06', '25'], // Lima ← Loreto, Huánuco, Junín, Cusco, Cajamarca, Ucayali
  '08': ['03', '21', '05'],
  '21': ['08', '04', '23'],
  '16': ['22', '25', '01'],
  '04': ['21', '08', '18'],
  '13': ['06', '02', '22'],
};

/** Purposes of a case (the seed table's groups; begging and sale of children are the tail). */
export const purpose = {
  sexual_exploitation: 0.5944,
  forced_labour: 0.3002,
  domestic_servitude: 0.04,
  forced_begging: 0.03,
  sale_of_children: 0.02,
  forced_criminal_activity: 0.006,
  forced_marriage: 0.0054,
  illegal_adoption: 0.004,
} as const satisfies Weights<string>;

export const victimSex = { female: 0.84, male: 0.15, unknown: 0.01 } as const;
export const suspectSex = { male: 0.68, female: 0.3, unknown: 0.02 } as const;

/** RETA age bands with their published shares, and the ages drawn inside each. */
export const ageBand = { '0_13': 0.0397, '14_17': 0.3951, '18_30': 0.4948, '31_plus': 0.0705 } as const;
export const ageRange: Record<keyof typeof ageBand, [number, number]> = {
  '0_13': [6, 13],
  '14_17': [14, 17],
  '18_30': [18, 30],
  '31_plus': [31, 58],
};

export const victimNationality = { PER: 0.9, VEN: 0.06, COL: 0.015, BOL: 0.012, ECU: 0.008, CHN: 0.005 } as const;
export const suspectNationality = { PER: 0.88, VEN: 0.06, COL: 0.03, BOL: 0.02, ECU: 0.01 } as const;

export const caseSource = {
  complaint: 0.55,
  police_operation: 0.2,
  hotline: 0.08,
  ex_officio: 0.07,
  labour_inspection: 0.04,
  ngo: 0.04,
  referral_abroad: 0.01,
  other: 0.01,
} as const;

/** Number of victims in a case: mostly one, sometimes a group found in an operation. */
export const victimsPerCase = { 1: 0.64, 2: 0.18, 3: 0.08, 4: 0.04, 5: 0.025, 7: 0.02, 10: 0.01, 14: 0.005 } as const;
export const suspectsPerCase = { 0: 0.18, 1: 0.5, 2: 0.2, 3: 0.08, 4: 0.04 } as const;

export const labourSector = {
  mining: 0.3,
  logging: 0.08,
  agriculture: 0.14,
  domestic_work: 0.14,
  hospitality_bars: 0.12,
  street_vending: 0.07,
  manufacturing: 0.05,
  brick_making: 0.04,
  construction: 0.03,
  fishing: 0.02,
  transport: 0.01,
} as const;

export const sexualSubtype = { prostitution: 0.7, private_sexual_services: 0.1, pornography: 0.08, remote_interactive_services: 0.07, child_sex_tourism: 0.05 } as const;

export const recruitment = {
  job_offer: 0.38,
  acquaintance_or_friend: 0.16,
  social_network: 0.12,
  family: 0.09,
  intimate_partner: 0.07,
  online_advert: 0.06,
  employment_agency: 0.05,
  newspaper_advert: 0.03,
  abduction: 0.02,
  at_school: 0.02,
} as const;

export const relationship = { stranger: 0.3, employer: 0.22, friend_or_acquaintance: 0.2, family: 0.1, intimate_partner: 0.08, unknown: 0.09, public_official: 0.01 } as const;

export const commonMeans = ['deception', 'abuse_of_vulnerability', 'fraud', 'withholding_documents', 'withholding_earnings', 'debt_bondage', 'threat', 'restricting_movement', 'psychological_abuse', 'coercion'] as const;

/** Registration volume grows over the years shown (oldest first); the last year is the current one. */
export const yearGrowth = [0.11, 0.13, 0.15, 0.17, 0.2, 0.24] as const;

/**
 * The attrition funnel per defendant: complaint → investigated → charged → tried → convicted. Each value
 * is the share of the previous stage that reaches the next one.
 */
export const attrition = {
  investigated: 0.82,
  charged: 0.42,
  tried: 0.62,
  convicted: 0.58,
  acquitted: 0.32, // of those tried and not convicted, most are acquittals; the rest dismissals
  archivedIfNotCharged: 0.7,
  arrested: 0.35,
} as const;
