/** Error messages of the operations feature, keyed by error code. */
export default {} as Record<string, string>;
