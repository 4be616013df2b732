/**
 * Names no user account may take. A name never grants power (system power is the actor `systemCtx()`
 * builds, not a username), but a user called `system` or `root` would read as the system in the audit log
 * and in every list of users, so these names are refused at creation (admin API, web app and CLI share
 * the `userCreate` contract). `admin`, the first administrator's name, stays allowed.
 */
export const reservedUsernames: ReadonlySet<string> = new Set([
  'system',
  'root',
  'reta',
  'superuser',
  'sysadmin',
  'administrator',
  'anonymous',
  'nobody',
  'daemon',
  'service',
]);

/** True for a reserved name, compared case-insensitively after Unicode compatibility folding. */
export const isReservedUsername = (username: string): boolean => reservedUsernames.has(username.normalize('NFKC').trim().toLowerCase());
