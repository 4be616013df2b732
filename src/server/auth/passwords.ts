import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's second recommended profile (19 MiB, 2 passes).
const production = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
/**
 * Test runs only: argon2id at a cheap cost (1 MiB, 1 pass; ~15x less CPU), because the suites make
 * thousands of users and sign each in. Honoured only inside Vitest (which sets VITEST in its workers)
 * when the test config also sets RETA_TEST_FAST_PASSWORD_HASH=1; a server or CLI started by hand never
 * sees either. Hashes carry their own parameters, so verification is the same code either way.
 */
const testing = { memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;
export const hashOptionsFor = (env: NodeJS.ProcessEnv) => (env.VITEST && env.RETA_TEST_FAST_PASSWORD_HASH === '1' ? testing : production);
const options = hashOptionsFor(process.env);

export const hashPassword = (password: string) => hash(password, options);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A password that satisfies the policy, for first start and resets: 4 groups of 5 mixed characters. */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  const groups = [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join(''));
  return `${groups.join('-')}-9a`;
}

/** A dummy hash to verify against when the user does not exist, so timing does not reveal usernames. */
let dummyHash: Promise<string> | undefined;
export const getDummyHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));
