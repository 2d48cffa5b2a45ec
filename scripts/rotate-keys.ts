/**
 * `npm run keys:rotate`: re-encrypts every stored exchange key with the current ENCRYPTION_KEY.
 * Set the new key as ENCRYPTION_KEY and the old one in ENCRYPTION_KEYS_OLD, run this, then drop
 * the old key. Rows already on the current key are left alone; nothing is ever printed but ids.
 */
import { getConfig } from '../lib/config';
import { rotateExchangeKeys } from '../lib/accounts/rotate-keys';
import { getKeyRing } from '../lib/crypto/key-ring';
import { closeDb, getDb } from '../lib/db';
import { applyLocalEnv } from '../lib/runtime/local-env';

applyLocalEnv();
getConfig();
const report = await rotateExchangeKeys(getDb(), getKeyRing());
console.log(
  `re-encrypted ${report.rotated} account(s); ${report.current} already on the current key`,
);
if (report.unreadable.length > 0) {
  console.error(
    `could not decrypt ${report.unreadable.length} account(s) with the configured keys: ${report.unreadable.join(', ')}`,
  );
  process.exitCode = 1;
}
await closeDb();
