import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for secrets at rest (exchange API keys, AI provider keys). Each value gets a
 * random 96-bit IV; the ciphertext is bound to its row by associated data (e.g.
 * `exchange_account:<userId>:<accountId>:secret`), so a ciphertext copied to another row or user
 * does not decrypt. The key id travels with the value so keys can be rotated.
 *
 * Format: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts).
 */
export interface KeyRing {
  /** Id of the key new values are encrypted with. */
  currentId: string;
  keys: ReadonlyMap<string, Buffer>;
}

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

/** Builds a key ring from hex keys: the first encrypts, all decrypt (older keys for rotation). */
export function keyRingFromHex(current: string, older: readonly string[] = []): KeyRing {
  const keys = new Map<string, Buffer>();
  const parse = (hex: string) => {
    const key = Buffer.from(hex, 'hex');
    if (key.length !== 32)
      throw new Error('An encryption key must be 64 hex characters (32 bytes).');
    keys.set(keyIdOf(key), key);
    return keyIdOf(key);
  };
  const currentId = parse(current);
  older.forEach(parse);
  return { currentId, keys };
}

export function encryptSecret(plaintext: string, ring: KeyRing, associatedData: string): string {
  const key = ring.keys.get(ring.currentId);
  if (!key) throw new Error('The current encryption key is missing from the key ring.');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'));
  return ['v1', ring.currentId, ...parts].join('.');
}

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

/** Decrypts a value; throws SecretBoxError (never showing the value) when it cannot. */
export function decryptSecret(sealed: string, ring: KeyRing, associatedData: string): string {
  const [version, keyId, iv, tag, ciphertext] = sealed.split('.');
  if (version !== 'v1' || !keyId || !iv || !tag || ciphertext === undefined) {
    throw new SecretBoxError('Stored secret has an unknown format.');
  }
  const key = ring.keys.get(keyId);
  if (!key)
    throw new SecretBoxError(
      `Stored secret was encrypted with key ${keyId}, which is not configured.`,
    );
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new SecretBoxError(
      'Stored secret could not be decrypted (wrong key or it belongs to another record).',
    );
  }
}

/** The key id a sealed value was encrypted with. */
export function sealedKeyId(sealed: string): string | undefined {
  return sealed.split('.')[1];
}
