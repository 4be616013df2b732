/** Error messages of the reports feature, keyed by error code. */
export default {
  'report.not_found': 'This report does not exist or you do not have access to it.',
  'report.year_out_of_range': 'Choose a year between 2000 and the current year.',
} as Record<string, string>;
