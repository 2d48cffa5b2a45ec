import { expect, test } from '@playwright/test';
import { callServerAction, listServerActions } from './server-actions';
import { ADMIN, TRADER, e2eDatabase, failOnBrowserErrors, signIn, signOut, snap } from './support';

test.describe.configure({ mode: 'serial' });

test('first run: setup creates the admin, then sign out, a wrong password, and sign in', async ({
  page,
}) => {
  const clean = failOnBrowserErrors(page, [/401 \(Unauthorized\)/]);
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Welcome to Osprey' })).toBeVisible();
  await snap(page, 'setup');

  // A too-short password is refused inline and nothing is created.
  await page.getByLabel('Name').fill(ADMIN.name);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await expect(page.getByText('Use at least 12 characters.')).toBeVisible();

  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }),
  ).toBeVisible();
  await snap(page, 'dashboard-admin');

  // Setup is gone once an account exists.
  const setupAgain = await page.request.get('/setup');
  expect(setupAgain.status()).toBe(404);

  await signOut(page);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Invalid email or password.');
  await snap(page, 'login-error');

  await signIn(page, ADMIN);
  clean();
});

test('the admin opens registration; a trader registers and cannot use the admin page or its actions', async ({
  page,
  browser,
  baseURL,
}) => {
  const clean = failOnBrowserErrors(page);
  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByTestId('registration-state')).toHaveText('closed');
  await page.getByRole('button', { name: 'Open registration' }).click();
  await expect(page.getByTestId('registration-state')).toHaveText('open');
  await snap(page, 'admin');
  await signOut(page);

  await page.getByRole('link', { name: 'Create one' }).click();
  await page.getByLabel('Name').fill(TRADER.name);
  await page.getByLabel('Email').fill(TRADER.email);
  await page.getByLabel('Password').fill(TRADER.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Bots' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(0);
  await snap(page, 'dashboard-trader');

  await page.goto('/admin');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Admins only');
  await expect(page.getByRole('button', { name: 'Close registration' })).toHaveCount(0);

  // The admin page's actions refuse a trader, and nothing changes.
  const sql = e2eDatabase();
  const adminActions = listServerActions().filter((a) => a.file.includes('admin/actions'));
  expect(adminActions.length).toBeGreaterThan(0);
  const [traderRow] = await sql<
    { id: string }[]
  >`select id from users where email = ${TRADER.email}`;
  const traderId = traderRow!.id;
  for (const action of adminActions) {
    const response = await callServerAction(page.request, baseURL!, action.id, [
      null,
      { open: 'false', userId: traderId, role: 'admin' },
    ]);
    expect(response.text, action.name).toContain('"code":"forbidden"');
  }
  const [setting] = await sql<
    { value: unknown }[]
  >`select value from app_settings where key = 'registration_open'`;
  expect(setting?.value).toBe(true);
  const [trader] = await sql<
    { role: string }[]
  >`select role from users where email = ${TRADER.email}`;
  expect(trader?.role).toBe('trader');

  // Registration closed: a form opened before the change is refused, and the page hides the form.
  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto('/register');
  await expect(visitorPage.getByRole('button', { name: 'Create account' })).toBeVisible();

  await signOut(page);
  await signIn(page, ADMIN);
  await page.goto('/admin');
  await page.getByRole('button', { name: 'Close registration' }).click();
  await expect(page.getByTestId('registration-state')).toHaveText('closed');

  await visitorPage.getByLabel('Name').fill('Late Comer');
  await visitorPage.getByLabel('Email').fill('late@example.com');
  await visitorPage.getByLabel('Password').fill('late password 123');
  await visitorPage.getByRole('button', { name: 'Create account' }).click();
  await expect(visitorPage.getByRole('main').getByRole('alert')).toHaveText(
    'Registration is closed. Ask an administrator for an account.',
  );
  await visitorPage.reload();
  await expect(visitorPage.getByRole('button', { name: 'Create account' })).toHaveCount(0);
  await expect(visitorPage.getByText('Registration is closed.')).toBeVisible();
  await snap(visitorPage, 'register-closed');
  const late = await sql`select 1 from users where email = 'late@example.com'`;
  expect(late).toHaveLength(0);
  await visitor.close();
  await sql.end();
  clean();
});

test('a disabled trader is signed out on the next request', async ({ page, browser }) => {
  const clean = failOnBrowserErrors(page);
  const traderContext = await browser.newContext();
  const traderPage = await traderContext.newPage();
  // Once disabled, the trader's open page is refused (401) on its next request: that is the point.
  const traderClean = failOnBrowserErrors(traderPage, [/status of 401/]);
  await signIn(traderPage, TRADER);

  await signIn(page, ADMIN);
  await page.goto('/admin');
  page.once('dialog', (dialog) => void dialog.accept());
  const row = page.getByRole('row', { name: new RegExp(TRADER.email) });
  await row.getByRole('button', { name: 'Disable' }).click();
  await expect(row.getByRole('cell', { name: 'disabled' })).toBeVisible();
  await snap(page, 'admin-trader-disabled');

  await traderPage.goto('/bots');
  await expect(traderPage).toHaveURL(/\/login/);
  await snap(traderPage, 'disabled-trader-login');

  await row.getByRole('button', { name: 'Enable' }).click();
  await expect(row.getByRole('cell', { name: 'active' })).toBeVisible();
  traderClean();
  await traderContext.close();
  clean();
});
