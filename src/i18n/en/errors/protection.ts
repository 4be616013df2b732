/** Error messages of the protection feature, keyed by error code. */
export default {} as Record<string, string>;
