/** English texts of protection (composed in ../ui.ts). */
export default {
  protection: {
    new_shelter: 'New shelter', capacity: 'Beds', shelter: 'Shelter', check_in: 'Check-in date', admit: 'Record shelter admission', shelter_option: '{{name}} ({{free}} free beds)', shelter_option_full: '{{name}} · {{population}} · {{department}} · {{free}} free beds', no_department: 'no department', filter_population: 'Population served', filter_department: 'Department', no_shelter_matches: 'No active shelter matches these filters.', placement_warning_title: 'Check this placement', confirm_admission: 'Confirm admission anyway', choose_other_shelter: 'Choose another shelter', admission_line: 'Admitted to {{shelter}}: {{from}} – {{to}}', admission_line_private: 'Admitted to a shelter: {{from}} – {{to}}',
    title: 'Protection', inbox: 'Referrals received', shelters: 'Shelters and occupancy', no_referrals: 'No referrals for this victim.',
    new_referral: 'Refer to a service', to_institution: 'Refer to', service_type: 'Service', consent_given: 'The victim consented to the service',
    consent_help: 'Without consent only a supervisor may refer, recording the reason.', refer: 'Send referral',
    referral_line: 'Sent by {{from}} on {{date}} · consent: {{consent}}', record_service: 'Record a service given',
    started_on: 'Start', ended_on: 'End', service_line: '{{type}}: {{from}} – {{to}}', ongoing: 'ongoing',
    no_shelters: 'No shelters registered.', population: 'Population served', occupancy: 'Occupancy',
    beds: '{{occupied}} of {{capacity}} beds taken ({{free}} free)',
    consent_source: { victim_record: 'as on the victim record', referral: 'recorded on the referral', override: 'supervisor exception' },
    to_status: { requested: 'Back to requested', accepted: 'Accept', provided: 'Mark as provided', declined: 'Decline', closed: 'Close' },
  },
} as const;
