/** English texts of the justice chain (composed in ../ui.ts). */
export default {
  justice: {
    reparation_line: 'Civil reparation ordered: {{amount}}', fine_line: 'Fine: {{amount}}',
    case_stage: 'Stage of the case: {{stage}}', no_stage: 'No proceedings', no_defendants: 'The case has no suspects recorded.',
    no_events: 'No proceedings recorded.', record_event: 'Record a proceeding', in_custody: 'In custody', superseded: 'corrected',
    months: '{{years}} years and {{months}} months', effective: 'effective', suspended: 'suspended',
    sentence_line: 'Sentence: {{length}} ({{kind}})', range_line: 'legal range art. {{article}}: {{min}} to {{max}}',
    reclassified_line: 'Reclassified from {{from}} to {{to}}',
    aggravation_line: 'The recorded facts require the tier {{required}} ({{reasons}}); charged: {{charged}}; convicted: {{convicted}}',
    aggravation_none: '—',
    flag: {
      belowMinimum: 'Sentence below the legal minimum', suspendedNotAllowed: 'Suspended sentence not allowed', aboveMaximum: 'Sentence above the legal maximum',
      reclassified: 'Reclassified to a lesser offence', publicOfficial: 'Public official',
      favourabilityToReview: 'Favourability to review: a later law is milder',
      aggravationOmitted: 'Aggravation omitted',
    },
    form: {
      type: 'Proceeding', occurred_on: 'Date', receiving_institution: 'Receiving institution', prosecutor_office: 'Prosecutor office',
      court: 'Court', document_number: 'Document or file number', decision: 'Decision', archive_reason: 'Reason for archiving',
      appeal_outcome: 'Appeal outcome', country: 'Country', articles: 'Articles', from_articles: 'Previous articles',
      to_articles: 'New articles', articles_help: 'Type the number and press Enter, e.g. 153-A or 129-A.', tier: 'Tier',
      sentence_years: 'Years of sentence', sentence_months: 'Months', effective: 'Effective sentence (not suspended)', fine: 'Fine (PEN)',
      reparation: 'Civil reparation (PEN)', submit: 'Record proceeding', tier_suggested: 'The recorded facts call for the {{tier}} form ({{reasons}}): choose the article and tier that provide it.', sentence_warning_title: 'Check this sentence', confirm_sentence: 'The court imposed it so: save', correct_sentence: 'Correct the sentence',
    },
    inbox: {
      title: 'Justice: cases received', help: 'Police reports and charges sent to your institution.',
      empty: 'Your institution has not received reports or charges.', open_case: 'Open case',
    },
  },
} as const;
