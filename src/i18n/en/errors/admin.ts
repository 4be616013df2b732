/** Error messages of the admin feature, keyed by error code. */
export default {
  'demo.not_demo_database': 'This is not a training database (it was not made by "reta demo"): its data cannot be reset. Nothing was changed.',
  'demo.reset_running': 'The training data is already being regenerated. Wait until it finishes; no other reset was started.',
  'demo.reset_failed': 'The training data could not be regenerated. Try again; if it happens again, run "reta demo --reset" on the server.',
} as Record<string, string>;
