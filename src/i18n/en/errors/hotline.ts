/** Error messages of the hotline feature, keyed by error code. */
export default {
  'hotline_call.not_found': 'Call not found.',
  'hotline.not_actionable': 'Only tips that require action are referred to the police.',
  'hotline.unit_not_police': 'The chosen unit does not belong to a police institution.',
  'hotline.place_conflict': 'A UBIGEO can only be used with the country PER.',
  'hotline.not_referred': 'The call has not been referred to a police unit yet.',
  'hotline.follow_up_forbidden': 'Only the police unit the call was referred to (or the hotline that took it) can record its outcome.',
  'hotline.case_already_linked': 'Not linked: the call is already linked to another case.',
  'hotline.summary_reason_required': 'State why you need to see the call summary; the access is recorded.',
} as Record<string, string>;
