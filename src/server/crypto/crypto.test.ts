import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseDocument, normaliseFullName } from '../../core/normalise';
import { prepareRegistry } from '../bootstrap';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { createCipher, DecryptionError } from './cipher';
import { EncryptionKeyError, loadMasterKey } from './keys';

const key = Buffer.alloc(32, 1);

describe('cipher', () => {
  it('round-trips and never repeats a ciphertext', () => {
    const cipher = createCipher(key);
    const a = cipher.encrypt('María Quispe');
    expect(a).not.toContain('María');
    expect(cipher.encrypt('María Quispe')).not.toBe(a);
    expect(cipher.decrypt(a)).toBe('María Quispe');
  });

  it('detects a wrong key or tampered ciphertext', () => {
    const text = createCipher(key).encrypt('secret');
    expect(() => createCipher(Buffer.alloc(32, 2)).decrypt(text)).toThrow(DecryptionError);
    const at = text.length - 6; // inside the authentication tag
    const tampered = text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    expect(() => createCipher(key).decrypt(tampered)).toThrow(DecryptionError);
  });

  it('makes blind indexes that match spelling variants but differ by purpose and key', () => {
    const cipher = createCipher(key);
    expect(cipher.blindIndex('name', normaliseFullName('María', 'Quispe Mamani'))).toBe(cipher.blindIndex('name', normaliseFullName('MAMANI quispe, maria')));
    expect(cipher.blindIndex('document', normaliseDocument('dni', '4567-8912'))).toBe(cipher.blindIndex('document', normaliseDocument('DNI', ' 45678912 ')));
    expect(cipher.blindIndex('name', 'X')).not.toBe(cipher.blindIndex('document', 'X'));
    expect(createCipher(Buffer.alloc(32, 3)).blindIndex('name', 'X')).not.toBe(cipher.blindIndex('name', 'X'));
  });
});

describe('master key', () => {
  it('creates a key file with mode 0600 on first start and reads it back', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'reta-key-')), 'reta.key');
    const first = loadMasterKey({ keyFile: file, createIfMissing: true });
    expect(first.created).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadMasterKey({ keyFile: file, createIfMissing: false }).key.equals(first.key)).toBe(true);
  });

  it('refuses a malformed key and a missing key file when data exists', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'reta-key-')), 'reta.key');
    writeFileSync(file, 'too-short');
    expect(() => loadMasterKey({ keyFile: file, createIfMissing: false })).toThrow(/32 bytes/);
    expect(() => loadMasterKey({ keyFile: `${file}.missing`, createIfMissing: false })).toThrow(EncryptionKeyError);
  });
});

describe('start-up with the wrong key', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await createTestRegistry();
  });
  afterAll(() => registry.close());

  it('stops with a clear message instead of starting', async () => {
    const wrongKey = Buffer.alloc(32, 9).toString('base64');
    await expect(prepareRegistry({ ...registry.config, encryptionKey: wrongKey }, registry.deps.database)).rejects.toThrow(
      /not the key this database was created with/,
    );
  });
});
