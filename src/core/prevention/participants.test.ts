import { describe, expect, it } from 'vitest';
import { participantProblems } from './participants';

const base = { participantsTotal: 30, participantsFemale: 0, participantsMale: 0, participantsUnknown: 0, participantsByInstitution: [] };

describe('prevention participants', () => {
  it('accepts a total without breakdown, or a breakdown that adds up', () => {
    expect(participantProblems(base)).toEqual({});
    expect(participantProblems({ ...base, participantsFemale: 18, participantsMale: 10, participantsUnknown: 2 })).toEqual({});
  });

  it('refuses a breakdown by sex that does not add up to the total', () => {
    expect(participantProblems({ ...base, participantsFemale: 18, participantsMale: 10 })).toEqual({ participantsTotal: 'prevention.sex_breakdown_mismatch' });
  });

  it('refuses institution counts above the total and repeated institutions', () => {
    const problems = participantProblems({ ...base, participantsByInstitution: [{ institutionId: 'a', count: 20 }, { institutionId: 'a', count: 11 }] });
    expect(problems).toEqual({
      participantsByInstitution: 'prevention.institution_breakdown_exceeds_total',
      'participantsByInstitution.1.institutionId': 'prevention.institution_repeated',
    });
  });
});
