import { hash, verify } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { hashOptionsFor } from './passwords';

describe('password hashing cost', () => {
  it('is the OWASP profile (19 MiB, 2 passes) unless a Vitest run asks for the cheap one', () => {
    const owasp = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
    expect(hashOptionsFor({})).toEqual(owasp);
    // The switch alone, outside the test runner (a server or CLI started by hand), changes nothing.
    expect(hashOptionsFor({ RETA_TEST_FAST_PASSWORD_HASH: '1' })).toEqual(owasp);
    expect(hashOptionsFor({ VITEST: 'true' })).toEqual(owasp);
    expect(hashOptionsFor({ VITEST: 'true', RETA_TEST_FAST_PASSWORD_HASH: '0' })).toEqual(owasp);
    expect(hashOptionsFor({ VITEST: 'true', RETA_TEST_FAST_PASSWORD_HASH: '1' })).toEqual({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
  });

  it('verifies a hash whatever cost it was made with (the parameters travel in the hash)', async () => {
    const strong = await hash('Correct-Horse-Battery-9', hashOptionsFor({}));
    expect(strong).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verify(strong, 'Correct-Horse-Battery-9')).toBe(true);
    const cheap = await hash('Correct-Horse-Battery-9', hashOptionsFor({ VITEST: 'true', RETA_TEST_FAST_PASSWORD_HASH: '1' }));
    expect(cheap).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    expect(await verify(cheap, 'Correct-Horse-Battery-9')).toBe(true);
  });
});
