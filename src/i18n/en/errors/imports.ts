/** Error messages of upserts by external id and of the bulk import, keyed by error code. */
export default {
  'upsert.conflict': 'Not overwritten: the record was changed in RETA after your institution last loaded it (version {{version}}). Review the record and reconcile the changes.',
  'upsert.case_not_found': 'Your institution has registered no case with that external number.',
  'import.file_too_large': 'The file is larger than allowed ({{maxMegabytes}} MB).',
  'import.unknown_format': 'Unrecognised format: send an XLSX workbook, CSV files (or a ZIP of them) or NDJSON.',
  'import.zip_too_large': 'The ZIP expands to more than allowed ({{maxMegabytes}} MB): it was not processed.',
  'import.bad_encoding': 'The file is not UTF-8 (saved as Latin-1/ANSI?). Save it as "CSV UTF-8" and try again.',
  'import.unreadable': 'The file could not be read: {{detail}}.',
  'import.no_sheets': 'The file contains no recognised sheet or file (cases, victims, suspects…).',
  'import.invalid_file': 'The file has errors: nothing was imported. Fix them as the report says and upload it again.',
  'import.mapping_invalid': 'The column mapping is not valid.',
  'job.not_found': 'Job not found.',
  'job.no_result': 'The job has no result to download yet.',
} as Record<string, string>;
