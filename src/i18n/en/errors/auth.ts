/** Sign-in throttling and second-factor messages, keyed by error code. */
export default {
  'auth.too_many_attempts': 'Too many failed sign-ins from this network. Wait a few minutes and try again.',
  'auth.challenge_invalid': 'The sign-in step expired or was used up. Enter your username and password again.',
  'auth.code_invalid': 'The code is not correct, or it was already used. Enter the current code from your app, or a recovery code.',
  'auth.code_format': 'Enter the 6 digits shown by your authenticator app.',
  'auth.code_or_recovery_code': 'Enter either a code from your app or a recovery code.',
  'auth.second_factor_required': 'Your role requires two-factor sign-in. Set it up before continuing.',
} as Record<string, string>;
