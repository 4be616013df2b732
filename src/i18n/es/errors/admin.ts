/** Error messages of the admin feature, keyed by error code. */
export default {} as Record<string, string>;
