/** The password policy, as rule codes the UI translates (errors.password.<code>). */
export const PASSWORD_MIN_LENGTH = 12;

const commonPasswords = new Set([
  'password1234',
  'contraseña123',
  'contrasena123',
  '123456789012',
  'qwertyuiopas',
  'administrador',
  'administrator',
  'reta12345678',
]);

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'contains_username' | 'too_few_kinds';

export function checkPassword(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (password.length > 256) problems.push('too_long');
  if (commonPasswords.has(password.toLowerCase())) problems.push('too_common');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) problems.push('contains_username');
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  // A long passphrase is strong without symbol rules; shorter ones need variety.
  if (password.length < 20 && kinds < 3) problems.push('too_few_kinds');
  return problems;
}
