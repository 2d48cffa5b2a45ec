/** `npm run db:migrate`: applies committed migrations to DATABASE_URL (or the running embedded one). */
import { runMigrations } from '../lib/db/migrate';
import { applyLocalEnv } from '../lib/runtime/local-env';

applyLocalEnv();
const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'DATABASE_URL is not set and no embedded PostgreSQL is running (start one with npm start).',
  );
  process.exit(1);
}
await runMigrations(url);
console.log('migrations applied');
