/** English texts of hotline, operations and prevention (composed in ../ui.ts). */
export default {
  operations: {
    title: 'Operations and inspections', help: 'Police operations and labour inspections with the persons found.', new: 'Record an operation',
    empty: 'No operations recorded.', date: 'Date', type: 'Type', persons_found: 'Persons found', minors_found: 'Minors found',
    victims_identified: 'Victims identified', arrests: 'Arrests',
  },
  prevention: {
    page_title: 'Prevention', help: 'Trainings, campaigns and workshops, with their participants.', new: 'Record an activity',
    empty: 'No activities recorded.', date: 'Date', type: 'Type of activity', title_field: 'Title', audiences: 'Audience',
    participants: 'Participants', female: 'Women', male: 'Men', unknown: 'Sex not recorded',
  },
  hotline: {
    title: 'Hotline', intake: 'New call', calls: 'Calls', follow_up: 'Follow-up', received_at: 'Received',
    classification: 'Classification', channel: 'Channel', caller_type: 'Caller', summary: 'Summary',
    summary_help: 'Restricted: stored encrypted.', save: 'Save call', saved: 'Call recorded.',
    saved_referred: 'Call recorded and referred to {{unit}}.', status: 'Status', referred_to: 'Referred to', outcome: 'Outcome',
    empty: 'No calls.',
    detail: {
      title: 'Call details', refer_to: 'Refer to police unit', refer: 'Refer', case_code: 'Case code',
      link_case: 'Link case', case_not_found: 'No case with that code is within your reach.', linked_case: 'Linked case',
      arrests: 'Arrests', closed_reason: 'Reason for closing', record_outcome: 'Record outcome',
      show_summary: 'Read the summary', no_summary: 'The call has no summary.', summary_not_allowed: 'Your role may not read the summary of this call.',
    },
  },
} as const;
