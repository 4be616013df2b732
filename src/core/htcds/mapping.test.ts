import { describe, expect, it } from 'vitest';
import { means, recruitmentMethods, sectors, sexualExploitationSubtypes, suspectRoles } from '../codes';
import { fromHtcdsGender, identificationStatus, lossyFromHtcds, methodOfRecruitment, methodsOfControl, roleInProcess, toHtcdsGender, typeOfLabourExploitation, typeOfSexExploitation } from './mapping';
import { fromHtcdsCase, toHtcdsCase, type RetaCaseData } from './records';

const htcdsMethodsOfControl = ['DebtBondage', 'TakesEarnings', 'RestrictsFinancialAccess', 'Threats', 'PsychologicalAbuse', 'PhysicalAbuse', 'SexualAbuse', 'FalsePromises', 'PsychoactiveSubstances', 'RestrictsMovement', 'RestrictsMedicalCare', 'ExcessiveWorkingHours', 'UsesChildren', 'ThreatOfLawEnforcement', 'WithholdsNecessities', 'WithholdsDocuments', 'Other'];
const htcdsLabour = ['Agriculture', 'Aquafarming', 'Begging', 'Construction', 'DomesticWork', 'Hospitality', 'IllicitActivities', 'Manufacturing', 'MiningOrDrilling', 'Peddling', 'Transportation', 'Other'];

describe('HTCDS mapping', () => {
  it('maps every RETA code to a value of the HTCDS list, and back to a code with that value', () => {
    for (const [codes, mapping, allowed] of [[means, methodsOfControl, htcdsMethodsOfControl], [sectors, typeOfLabourExploitation, htcdsLabour]] as const) {
      for (const code of codes) {
        const value = mapping.to(code);
        expect(allowed, code).toContain(value);
        // Back and forth again lands on the same HTCDS value: the reverse picks one of the codes that share it.
        expect(mapping.to(mapping.from(value)), code).toBe(value);
      }
    }
    for (const [codes, mapping] of [[recruitmentMethods, methodOfRecruitment], [sexualExploitationSubtypes, typeOfSexExploitation], [suspectRoles, roleInProcess]] as const) {
      for (const code of codes) expect(mapping.exact(mapping.to(code)), code).toBe(true);
    }
    expect(identificationStatus.from(identificationStatus.to('confirmed_victim'))).toBe('confirmed_victim');
  });

  it('reads HTCDS values RETA has no code for as other, and says which', () => {
    expect(methodsOfControl.from('RestrictsMedicalCare')).toBe('other');
    expect(lossyFromHtcds(['DebtBondage', 'UsesChildren', 'Other'], methodsOfControl)).toEqual(['UsesChildren']);
    expect(typeOfLabourExploitation.from('IllicitActivities')).toBe('other');
  });

  it('maps gender with gender identity both ways', () => {
    expect(toHtcdsGender('female', null)).toBe('Female');
    expect(toHtcdsGender('male', 'transgender_female')).toBe('Transgender/NonConforming');
    expect(toHtcdsGender('unknown', 'not_stated')).toBe('Unknown');
    expect(fromHtcdsGender('Transgender/NonConforming')).toEqual({ sex: 'unknown', genderIdentity: 'non_conforming' });
  });

  it('turns a case into an HTCDS record and back without losing what both standards hold', () => {
    const reta: RetaCaseData = {
      code: 'RETA-2026-000001', status: 'open', factsDateFrom: '2025-03', recruitmentMethods: ['job_offer', 'abduction'], sectors: ['mining'],
      sexualExploitationSubtypes: ['prostitution'], places: [{ kind: 'recruitment', country: 'PER', departmentCode: '16' }, { kind: 'residence', country: 'PER', departmentCode: '15' }, { kind: 'exploitation', country: 'BOL', departmentCode: null }],
      victims: [{ sex: 'female', genderIdentity: null, nationalities: ['VEN', 'PER'], ageBroad: '9-17', identificationStatus: 'confirmed_victim', means: ['debt_bondage', 'withholding_documents'] }],
      suspects: [{ sex: 'male', genderIdentity: null, nationalities: ['PER'], roles: ['recruiter'] }],
    };
    const htcds = toHtcdsCase(reta);
    expect(htcds.victims[0]).toMatchObject({ prs_Gender: 'Female', prs_Nationality: 'VE', vic_MethodsOfControl: ['DebtBondage', 'WithholdsDocuments'], vic_TypeOfLabourExploitation: ['MiningOrDrilling'] });
    expect(htcds.events).toEqual([{ hte_Type: 'Recruitment', hte_Country: 'PE', hte_State: '16', hte_Date: '2025-03' }, { hte_Type: 'Exploitation', hte_Country: 'BO', hte_State: null, hte_Date: '2025-03' }]);
    const back = fromHtcdsCase(htcds);
    expect(back).toMatchObject({
      externalId: reta.code, status: 'open', recruitmentMethods: ['job_offer', 'abduction'], sectors: ['mining'], sexualExploitationSubtypes: ['prostitution'],
      places: [{ kind: 'recruitment', ubigeo: '16' }, { kind: 'exploitation', country: 'BOL' }],
      victims: [{ person: { sex: 'female', nationalities: ['VEN'] }, identificationStatus: 'confirmed_victim', means: ['debt_bondage', 'withholding_documents'] }],
      suspects: [{ person: { sex: 'male', nationalities: ['PER'] }, roles: ['recruiter'] }],
    });
  });
});
