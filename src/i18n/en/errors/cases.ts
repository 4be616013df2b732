/** Error messages of the cases feature (cases, people, reference), keyed by error code. */
export default {
  'case.not_found': 'Case not found.',
  'case.not_owner': 'Only the institution that owns the case can change it.',
  'case.external_id_taken': 'Your institution already used that external file number for a case you can no longer see. Use another one or ask the institution that now holds the case.',
  'case.person_external_id_taken': 'That external record number already belongs to another person outside your scope. Use another one or ask the unit that registered it.',
  'case.person_already_linked': 'That person is already linked to this case in that role.',
  'case.transfer_same_unit': 'The case already belongs to that unit.',
  'case.transfer_not_allowed': 'A case can move only to a unit of the same institution or of another police institution.',
  'case.victim_in_use': 'The victim has referrals, services or other records attached; remove those first.',
  'case.suspect_in_use': 'The suspect has justice events or other records attached; remove those first.',
  'case_victim.not_found': 'Victim not found in this case.',
  'case_suspect.not_found': 'Suspect not found in this case.',
  'case_place.not_found': 'Place not found in this case.',
  'person.not_found': 'Person not found.',
  'person.not_owner': 'Only an institution that owns a case of this person can change the person.',
  'person.search_needs_criteria': 'Search by document type and number, or by full name.',
  'person_or_person_id': 'Give either an existing person or the data of a new one, not both.',
} as Record<string, string>;
