/** Error messages of search, by error code. */
export default {
  'search.identity_forbidden': 'Your role may not look people up by name or document. Search by case code or file number.',
} as Record<string, string>;
