import { expect, test } from '@playwright/test';
import { callServerAction, listRouteHandlers, listServerActions } from './server-actions';
import { e2eDatabase } from './support';

/** Actions that run before sign-in, each with its own refusal once the system is set up. */
const publicActions: Record<string, string> = {
  setupAdminAction: '"code":"setup_done"',
  registerAction: '"code":"registration_closed"',
};
/** Route handlers that are public on purpose. */
const publicRoutes = [
  /^\/api\/health$/, // liveness for load balancers: no user data
  /^\/api\/auth\//, // next-auth's own sign-in endpoints
  /^\/icon\.svg$/, // the favicon
];

async function snapshot() {
  const sql = e2eDatabase();
  const [row] = await sql<{ users: string; settings: string }[]>`
    select (select count(*) from users)::text as users,
           (select coalesce(json_agg(s order by key)::text, '') from (select key, value from app_settings) s) as settings`;
  await sql.end();
  return row;
}

test('every server action refuses a caller without a session and changes nothing', async ({
  playwright,
  baseURL,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const before = await snapshot();
  const actions = listServerActions();
  expect(actions.length).toBeGreaterThan(0);
  for (const action of actions) {
    const input = {
      open: 'true',
      userId: '00000000-0000-4000-8000-000000000000',
      role: 'admin',
      name: 'Eve',
      email: 'eve@example.com',
      password: 'eve password 1234',
    };
    const { text } = await callServerAction(anonymous, baseURL!, action.id, [null, input]);
    expect(text, `${action.name} (${action.file})`).toContain(
      publicActions[action.name] ?? '"code":"unauthenticated"',
    );
  }
  expect(await snapshot()).toEqual(before);
  await anonymous.dispose();
});

test('every route handler answers 401 without a session', async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const routes = listRouteHandlers().filter((route) => !publicRoutes.some((p) => p.test(route)));
  for (const route of routes) {
    for (const method of ['GET', 'POST'] as const) {
      const response = await anonymous.fetch(route, {
        method,
        data: method === 'POST' ? {} : undefined,
      });
      // 405 means the route has no handler for this method: nothing to authorize.
      if (response.status() === 405) continue;
      expect(response.status(), `${method} ${route}`).toBe(401);
    }
  }
  const health = await anonymous.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', database: true });
  await anonymous.dispose();
});
