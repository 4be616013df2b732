/** Error messages of the prevention feature, keyed by error code. */
export default {} as Record<string, string>;
