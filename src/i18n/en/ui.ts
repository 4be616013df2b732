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
} as const;
