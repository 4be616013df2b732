/** Error messages of the hotline feature, keyed by error code. */
export default {} as Record<string, string>;
