/** English texts of the web app's screens (same keys as the Spanish catalogue). */
export default {
  app: {
    tagline: 'Trafficking in persons registry and statistics',
    full_name: 'Registry and Statistics of Trafficking in Persons and Related Crimes',
  },
  language: { es: 'Spanish', en: 'English' },
  nav: {
    main: 'Main navigation', skip_to_content: 'Skip to content', toggle_menu: 'Open or close the menu', user_menu: 'User menu',
    language: 'Language', home: 'Home', cases: 'Cases', register_case: 'Register a case', justice: 'Justice', protection: 'Protection',
    hotline: 'Hotline', operations: 'Operations', prevention: 'Prevention', stats: 'Statistics', quality: 'Data quality',
    admin: 'Administration', open_data: 'Open data', change_password: 'Change password', logout: 'Sign out',
  },
  common: {
    loading: 'Loading…', save: 'Save', cancel: 'Cancel', create: 'Create', edit: 'Edit', delete: 'Delete', close: 'Close',
    search: 'Search', filter: 'Filter', clear: 'Clear', yes: 'Yes', no: 'No', none: 'None', all: 'All', add: 'Add',
    remove: 'Remove', back: 'Back', next: 'Next', previous: 'Previous', saved: 'Changes saved.', actions: 'Actions',
    network_error: 'The server cannot be reached. Your data is not lost; try again when the connection is back.',
    unexpected_error: 'Something unexpected went wrong. Please try again.', not_available: 'This feature is not available on this server yet.',
    pagination: 'Pagination', page_summary: '{{from}}–{{to}} of {{total}}', sort: 'Sort by', results: 'Results', details: 'Details',
    optional: 'optional', unknown: 'Unknown', version_conflict: 'Someone else changed this record. Reload the page.',
    pager: { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page', page: 'Page {{page}}' },
  },
  not_found: { title: 'Page not found', body: 'This address does not exist or you do not have access to it.' },
  login: {
    username: 'Username', password: 'Password', submit: 'Sign in', expired_title: 'Session expired',
    open_data_link: 'See the public statistics (no sign-in needed)',
  },
  password: {
    title: 'Change password', current: 'Current password', new: 'New password', submit: 'Change password',
    changed: 'Your password has been changed.',
    policy: 'Use at least 12 characters and mix lower case, upper case, digits and symbols (or use 20 characters or more). Do not use your username.',
  },
  home: {
    greeting: 'Hello, {{name}}', see_all: 'See all', nothing_for_role: 'Nothing is waiting for your role.',
    open_cases: { title: "My unit's open cases", empty: 'Your unit has no open cases.' },
    stale_cases: { title: 'Stale cases', empty: 'No stale cases. Well done!' },
    justice_cases: { title: 'Cases to record proceedings', empty: 'No cases waiting for your office.' },
    referral_inbox: { title: 'Referrals received', empty: 'No referrals waiting for an answer.' },
    hotline_follow_up: { title: 'Calls to follow up', empty: 'No referred calls waiting for an outcome.' },
    duplicates: { title: 'Possible duplicates to review', empty: 'No possible duplicates to review.' },
  },
  ubigeo: {
    department: 'Department', province: 'Province', district: 'District', selected: 'UBIGEO chosen: {{code}}',
    no_reference: 'No provinces loaded; the department is enough',
  },
  palermo: {
    title: 'Palermo test', act: 'At least one act', means: 'At least one means',
    means_not_needed: 'No means needed: a victim is a child or presumed child', purpose: 'At least one purpose of exploitation',
    met: 'Trafficking elements met', not_met: 'Elements missing', child_victim: 'Child victim',
    missing: 'Missing: {{elements}}.', never_blocks: 'The test guides you; it never prevents registering the case.',
    element: { act: 'act', means: 'means', purpose: 'purpose' },
  },
  access: {
    title: 'Reason to see identity data', recorded: 'Access to names, documents and narratives is recorded with your user, the time and the reason.',
    recorded_short: 'Access is recorded.', reason: 'Reason', reason_help: 'For example: summoning the victim to testify.',
    confirm: 'Show identity data', show_identity: 'Show identity data', active: 'Identity data visible. Reason recorded: {{reason}}',
  },
  person: {
    sex: 'Sex', nationalities: 'Nationalities', has_document: 'Has an identity document?',
    has_document_help: 'Choose "No" when the person has no papers.',
    identity: {
      legend: 'Identity data', protected: 'Protected data: stored encrypted and shown only to authorised roles.',
      given_names: 'Given names', family_names: 'Family names', birth_date: 'Date of birth', document_type: 'Document type',
      document_number: 'Document number', no_document_note: 'No identity document: no number is asked for.', name: 'Name',
      document: 'Document', none: 'No document', not_allowed: 'Your role does not record identity data; another institution can add it.',
    },
  },
  victim: {
    title: 'Victim {{n}}', add: 'Add a victim', remove: 'Remove victim {{n}}', age_years: 'Age (years)', estimated_age: 'Estimated age (years)',
    estimated: 'estimated', age_at_exploitation: 'Age at the time of exploitation', age_verified: 'Age verified with a document',
    age_band: 'Age band', presumed_child_help: 'Presumed to be a child and protected as one until the age is verified.',
    age_mode: { label: 'Age', exact: 'Exact', estimated: 'Estimated', band: 'Band', unknown: 'Unknown' },
    identification_status: 'Identification status', relationship: 'Relationship to the recruiter', exploitation_forms: 'Forms of exploitation suffered',
    means: 'Means used on this victim', means_help: 'When the victim is a child, means are not needed for the Palermo test.',
  },
  suspect: {
    title: 'Suspect {{n}}', add: 'Add a suspect', remove: 'Remove suspect {{n}}', roles: 'Role in the facts',
    relationship: 'Relationship to the victims', public_official: 'Is a public official', organised_group: 'Member of an organised criminal group',
    official_institution: "Official's institution",
  },
  place: {
    kind: 'Kind of place', where: 'Location', in_peru: 'In Peru', abroad: 'Abroad', country: 'Country', add: 'Add a place',
    remove: 'Remove place {{n}}', help: 'Record where the victims were recruited, moved through and exploited.',
  },
  case: {
    register: {
      title: 'Register a case', intro: 'Fill in what is known; the rest can be added later. What you type is kept on this device until you send it.',
      draft_restored: 'An unsent registration saved on this device was restored.', discard_draft: 'Discard and start again',
      submit: 'Register case',
      section: {
        report: 'Complaint and dates of the facts', elements: 'Elements of the offence (Palermo)', places: 'Places', victims: 'Victims',
        suspects: 'Suspects', more: 'Other information',
      },
    },
    field: {
      code: 'Code', source: 'Source', reported_on: 'Date reported', facts_precision: 'Precision of the date of the facts',
      facts_exact: 'Exact date', facts_approximate: 'Approximate date', facts_date: 'Date of the facts', facts_from: 'From', facts_to: 'To',
      partial_date_help: 'Year (2016), year and month (2016-05) or a full date', acts: 'Acts', means: 'Means',
      purposes: 'Purposes of exploitation', purpose: 'Purpose', sexual_subtypes: 'Forms of sexual exploitation', sectors: 'Economic sectors',
      recruitment_methods: 'Recruitment methods', transport_modes: 'Transport modes', is_international: 'International trafficking',
      organised_crime: 'Organised crime', public_official: 'A public official was involved', countries: 'Countries involved',
      initial_legal_qualification: 'Initial legal qualification', narrative: 'Narrative of the facts',
      narrative_help: 'Restricted: stored encrypted, and every reading is recorded.', status: 'Status', registered_at: 'Registered',
      victims: 'Victims', flags: 'Characteristics',
    },
    help: {
      acts: 'What did the trafficker do with the victim? Recruit, transport, transfer, harbour or receive.',
      means: "How was the victim's will overcome? Deception, threats, force, abuse of vulnerability, debts… Not required when the victim is a child.",
      purposes: 'For what? The exploitation intended, even if it did not happen yet.',
    },
    list: {
      title: 'Cases', filters: 'Case filters', search: 'Case code', from: 'Registered from', to: 'Registered to',
      empty: 'No cases match the filters.', children: '{{n}} children',
      sort: {
        '-registeredAt': 'Registered: newest', registeredAt: 'Registered: oldest', '-reportedOn': 'Reported: newest',
        reportedOn: 'Reported: oldest', code: 'Code (A–Z)', '-code': 'Code (Z–A)',
      },
    },
    page: {
      title: 'Case {{code}}', subtitle: 'Registered on {{date}} · {{source}}', registered: 'Case {{code}} has been registered.',
      not_found_title: 'Case not available', not_found: "The case does not exist or is outside your institution's reach.",
      places: 'Places', no_places: 'No places recorded.', victims: 'Victims ({{n}})', suspects: 'Suspects ({{n}})',
      no_victims: 'No victims recorded.', no_suspects: 'No suspects recorded.',
      suspects_hidden: 'Your institution sees this case through a referral: only the referred victims.',
      identity_note: 'Identity data is shown only to authorised roles who state a reason.',
    },
    tab: {
      summary: 'Summary', people: 'People ({{n}})', justice: 'Justice', protection: 'Protection', linked: 'Calls and operations', history: 'History',
    },
    history: {
      empty: 'No events recorded.', access_log: 'Access to identity data', no_access: 'Nobody has read identity data of this case.',
      when: 'When', who: 'Who', reason: 'Reason',
    },
    event: { registration: 'Case registered', update: 'Updated', transfer: 'Transferred to another unit', operation_link: 'Linked to an operation', hotline_link: 'Linked to a call' },
    linked: { none: 'No calls or operations are linked to case {{code}}.' },
  },
} as const;
