/**
 * Whole HTCDS records ↔ RETA's non-identifying case data, built from the field mappings in ./mapping.ts.
 * `toHtcdsCase` is what the export writes; `fromHtcdsCase` is what an importer reads (its result is the
 * shape of RETA's case create contract minus identity, which HTCDS exports never carry here).
 */
import countries from 'i18n-iso-countries';
import {
  fromHtcdsCaseStatus, fromHtcdsEventType, fromHtcdsGender, identificationStatus, mapMany, methodOfRecruitment, methodsOfControl, roleInProcess,
  toHtcdsCaseStatus, toHtcdsEventType, toHtcdsGender, typeOfLabourExploitation, typeOfSexExploitation,
} from './mapping';

/** prs_Nationality is ISO 3166 alpha-2; RETA keeps alpha-3. Unknown codes are dropped, never guessed. */
export const toHtcdsCountry = (alpha3: string): string | null => countries.alpha3ToAlpha2(alpha3) ?? null;
export const fromHtcdsCountry = (alpha2: string): string | null => countries.alpha2ToAlpha3(alpha2.toUpperCase()) ?? null;

export interface RetaCaseData {
  code: string;
  status: string;
  factsDateFrom: string | null;
  recruitmentMethods: string[];
  sectors: string[];
  sexualExploitationSubtypes: string[];
  places: Array<{ kind: string; country: string; departmentCode: string | null }>;
  victims: Array<{ sex: string; genderIdentity: string | null; nationalities: string[]; ageBroad: string | null; identificationStatus: string; means: string[] }>;
  suspects: Array<{ sex: string; genderIdentity: string | null; nationalities: string[]; roles: string[] }>;
}

export interface HtcdsCase {
  cas_Id: string;
  cas_Status: string;
  victims: Array<Record<string, unknown>>;
  perpetrators: Array<Record<string, unknown>>;
  events: Array<{ hte_Type: string; hte_Country: string | null; hte_State: string | null; hte_Date: string | null }>;
}

const eventOrder = ['recruitment', 'transit', 'exploitation', 'residence'];
const nationality = (codes: string[]) => codes.map(toHtcdsCountry).find((c) => c !== null) ?? null;

export function toHtcdsCase(c: RetaCaseData): HtcdsCase {
  return {
    cas_Id: c.code,
    cas_Status: toHtcdsCaseStatus(c.status),
    victims: c.victims.map((v) => ({
      prs_Gender: toHtcdsGender(v.sex, v.genderIdentity),
      prs_Nationality: nationality(v.nationalities),
      // Not an HTCDS field: the CTDC age band stands in for prs_Birthdate, which is identifying.
      x_AgeBroad: v.ageBroad,
      vic_IdentificationStatus: identificationStatus.to(v.identificationStatus),
      vic_MethodOfRecruitment: mapMany(c.recruitmentMethods, methodOfRecruitment.to),
      vic_MethodsOfControl: mapMany(v.means, methodsOfControl.to),
      vic_TypeOfLabourExploitation: mapMany(c.sectors, typeOfLabourExploitation.to),
      vic_TypeOfSexExploitation: mapMany(c.sexualExploitationSubtypes, typeOfSexExploitation.to),
    })),
    perpetrators: c.suspects.map((s) => ({
      prs_Gender: toHtcdsGender(s.sex, s.genderIdentity),
      prs_Nationality: nationality(s.nationalities),
      per_RoleInProcess: mapMany(s.roles, roleInProcess.to),
    })),
    // In the order of a trafficking path: recruitment, transit, exploitation.
    events: [...c.places].sort((a, b) => eventOrder.indexOf(a.kind) - eventOrder.indexOf(b.kind)).flatMap((p) => {
      const type = toHtcdsEventType(p.kind);
      return type ? [{ hte_Type: type, hte_Country: toHtcdsCountry(p.country), hte_State: p.departmentCode, hte_Date: c.factsDateFrom }] : [];
    }),
  };
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** An HTCDS case → RETA case fields (what the importer validates against the case contract). */
export function fromHtcdsCase(h: HtcdsCase) {
  const firstVictim = h.victims[0] ?? {};
  return {
    externalId: h.cas_Id,
    status: fromHtcdsCaseStatus(h.cas_Status),
    recruitmentMethods: [...new Set(list(firstVictim.vic_MethodOfRecruitment).map(methodOfRecruitment.from))],
    sectors: [...new Set(h.victims.flatMap((v) => list(v.vic_TypeOfLabourExploitation)).map(typeOfLabourExploitation.from))],
    sexualExploitationSubtypes: [...new Set(h.victims.flatMap((v) => list(v.vic_TypeOfSexExploitation)).map(typeOfSexExploitation.from))],
    places: h.events.flatMap((e) => {
      const kind = fromHtcdsEventType(e.hte_Type);
      const country = e.hte_Country ? fromHtcdsCountry(e.hte_Country) : null;
      if (!kind) return [];
      return [country === 'PER' && e.hte_State ? { kind, ubigeo: e.hte_State } : { kind, country: country ?? undefined }];
    }),
    victims: h.victims.map((v) => {
      const gender = fromHtcdsGender(text(v.prs_Gender) ?? 'Unknown');
      const nationality = text(v.prs_Nationality);
      return {
        person: { ...gender, nationalities: nationality && fromHtcdsCountry(nationality) ? [fromHtcdsCountry(nationality)!] : [] },
        identificationStatus: identificationStatus.from(text(v.vic_IdentificationStatus) ?? ''),
        means: [...new Set(list(v.vic_MethodsOfControl).map(methodsOfControl.from))],
      };
    }),
    suspects: h.perpetrators.map((p) => {
      const nationality = text(p.prs_Nationality);
      return {
        person: { ...fromHtcdsGender(text(p.prs_Gender) ?? 'Unknown'), nationalities: nationality && fromHtcdsCountry(nationality) ? [fromHtcdsCountry(nationality)!] : [] },
        roles: [...new Set(list(p.per_RoleInProcess).map(roleInProcess.from))],
      };
    }),
  };
}
