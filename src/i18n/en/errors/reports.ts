/** Error messages of the reports feature, keyed by error code. */
export default {} as Record<string, string>;
