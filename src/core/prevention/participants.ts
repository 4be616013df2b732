/**
 * Participants of a prevention activity: the breakdown by sex, when given, must add up to the total;
 * the optional breakdown by institution may not exceed it (some participants may belong to none).
 * Returns field → error code (empty when consistent).
 */
export interface ParticipantCounts {
  participantsTotal: number;
  participantsFemale: number;
  participantsMale: number;
  participantsUnknown: number;
  participantsByInstitution: ReadonlyArray<{ institutionId: string; count: number }>;
}

export function participantProblems(p: ParticipantCounts): Record<string, string> {
  const problems: Record<string, string> = {};
  const bySex = p.participantsFemale + p.participantsMale + p.participantsUnknown;
  if (bySex > 0 && bySex !== p.participantsTotal) problems.participantsTotal = 'prevention.sex_breakdown_mismatch';
  const byInstitution = p.participantsByInstitution.reduce((sum, entry) => sum + entry.count, 0);
  if (byInstitution > p.participantsTotal) problems.participantsByInstitution = 'prevention.institution_breakdown_exceeds_total';
  const seen = new Set<string>();
  p.participantsByInstitution.forEach((entry, i) => {
    if (seen.has(entry.institutionId)) problems[`participantsByInstitution.${i}.institutionId`] = 'prevention.institution_repeated';
    seen.add(entry.institutionId);
  });
  return problems;
}
