/** Error messages of the cases feature, keyed by error code. */
export default {} as Record<string, string>;
