/** Error messages of the prevention feature, keyed by error code. */
export default {
  'prevention_activity.not_found': 'Prevention activity not found.',
  'prevention.not_organiser': 'Only the organising institution can change this activity.',
  'prevention.sex_breakdown_mismatch': 'Women, men and unknown must add up to the total participants.',
  'prevention.institution_breakdown_exceeds_total': 'Participants by institution add up to more than the total.',
  'prevention.institution_repeated': 'Not saved: that institution is in the list twice. Remove the repeated one.',
} as Record<string, string>;
