/** Error messages of the reports feature, keyed by error code. */
export default {
  'report.not_found': 'This report does not exist or you do not have access to it.',
  'report.year_out_of_range': 'Choose a year between 2000 and the current year.',
  'release.not_found': 'This release does not exist.',
  'release_table.not_found': 'This table is not part of the release.',
  'release.not_published': 'The figures of that year have not been published yet.',
  'release.stale': 'Someone else published this year while you were reviewing the preview. Preview again before publishing.',
  'release.note_required': 'A revision needs a note saying what changed and why.',
} as Record<string, string>;
