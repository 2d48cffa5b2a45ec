import type { Db } from '../db/client';
import { setSetting } from '../db/queries/settings';
import type { User } from '../db/schema';
import { logSystem } from '../log/system-log';

/**
 * Turns the global kill switch on or off. While on, the risk engine refuses every new entry
 * for every user (exits and protection keep working). Logged with who did it.
 */
export async function setGlobalKillSwitch(db: Db, actor: User, on: boolean): Promise<void> {
  await setSetting(db, 'kill_switch', on);
  await logSystem(db, {
    level: on ? 'warn' : 'info',
    source: 'admin',
    message: `${actor.email} turned the global kill switch ${on ? 'ON: new trades are blocked for everyone' : 'off'}`,
  });
}
