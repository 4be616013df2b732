/** Error messages of the reports feature, keyed by error code. */
export default {
  'report.not_found': 'This report does not exist or you do not have access to it.',
  'report.year_out_of_range': 'Choose a year between 2000 and the current year.',
  'report.content_tampered': 'The stored report no longer matches its content hash: it was changed after it was frozen.',
  'export.unknown_format': 'Unknown export format. Use csv, xlsx or json.',
} as Record<string, string>;
