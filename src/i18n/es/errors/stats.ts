/** Error messages of the stats feature, keyed by error code. */
export default {} as Record<string, string>;
