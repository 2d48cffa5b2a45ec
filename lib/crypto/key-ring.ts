import { getConfig } from '../config';
import { keyRingFromHex, type KeyRing } from './secret-box';

let ring: KeyRing | undefined;

/** The process's key ring: ENCRYPTION_KEY encrypts; it and ENCRYPTION_KEYS_OLD decrypt. */
export function getKeyRing(): KeyRing {
  const config = getConfig();
  ring ??= keyRingFromHex(config.ENCRYPTION_KEY, config.ENCRYPTION_KEYS_OLD);
  return ring;
}
