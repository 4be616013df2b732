/** Error messages of the justice feature, keyed by error code. */
export default {} as Record<string, string>;
