import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, keyRingFromHex, sealedKeyId } from './secret-box';

const hexKey = () => randomBytes(32).toString('hex');

describe('secret box', () => {
  const ring = keyRingFromHex(hexKey());

  it('round-trips and never contains the plaintext', () => {
    const sealed = encryptSecret('my-api-secret-value', ring, 'acct:1:secret');
    expect(sealed).not.toContain('my-api-secret-value');
    expect(decryptSecret(sealed, ring, 'acct:1:secret')).toBe('my-api-secret-value');
  });

  it('uses a fresh IV each time', () => {
    expect(encryptSecret('x', ring, 'a')).not.toBe(encryptSecret('x', ring, 'a'));
  });

  it('refuses a ciphertext moved to another row', () => {
    const sealed = encryptSecret('secret', ring, 'acct:1:secret');
    expect(() => decryptSecret(sealed, ring, 'acct:2:secret')).toThrow(/belongs to another record/);
  });

  it('refuses a tampered ciphertext without echoing it', () => {
    const sealed = encryptSecret('secret', ring, 'a');
    const parts = sealed.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => decryptSecret(parts.join('.'), ring, 'a')).toThrow(/could not be decrypted/);
  });

  it('decrypts values sealed with an older key after rotation, and names a missing key', () => {
    const oldHex = hexKey();
    const oldRing = keyRingFromHex(oldHex);
    const sealed = encryptSecret('secret', oldRing, 'a');
    const rotated = keyRingFromHex(hexKey(), [oldHex]);
    expect(decryptSecret(sealed, rotated, 'a')).toBe('secret');
    expect(sealedKeyId(encryptSecret('secret', rotated, 'a'))).toBe(rotated.currentId);
    expect(() => decryptSecret(sealed, keyRingFromHex(hexKey()), 'a')).toThrow(/not configured/);
  });

  it('rejects keys of the wrong length', () => {
    expect(() => keyRingFromHex('abcd')).toThrow(/64 hex characters/);
  });
});
