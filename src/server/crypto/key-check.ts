import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { systemSettings } from '../../db/schema';
import { createCipher, type Cipher } from './cipher';
import { EncryptionKeyError, loadMasterKey } from './keys';

const CHECK_KEY = 'encryption_key_check';
const CHECK_TEXT = 'reta-key-check';

/**
 * Loads the master key and proves it is the one this database was encrypted with, by decrypting a
 * value stored at first start. A wrong or missing key stops start-up before anything is read or written.
 */
export async function prepareCipher(db: Db, options: { envKey?: string; keyFile: string }): Promise<Cipher> {
  const [stored] = await db.select().from(systemSettings).where(eq(systemSettings.key, CHECK_KEY)).limit(1);
  const { key } = loadMasterKey({ ...options, createIfMissing: !stored });
  const cipher = createCipher(key);
  if (!stored) {
    await db.insert(systemSettings).values({ key: CHECK_KEY, value: { ciphertext: cipher.encrypt(CHECK_TEXT) } });
    return cipher;
  }
  try {
    if (cipher.decrypt((stored.value as { ciphertext: string }).ciphertext) === CHECK_TEXT) return cipher;
  } catch {
    /* reported below */
  }
  const origin = options.envKey ? 'RETA_ENCRYPTION_KEY' : `the key file ${options.keyFile}`;
  throw new EncryptionKeyError(`The encryption key from ${origin} is not the key this database was created with. Start with the original key.`);
}
