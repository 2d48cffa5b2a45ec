import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { callServerAction, listServerActions } from './server-actions';
import { ADMIN, e2eDatabase, failOnBrowserErrors, signIn, snap } from './support';

test.describe.configure({ mode: 'serial' });

/** A user created only for this journey, so resetting its password disturbs no other journey. */
const RESET_ME = { name: 'Reset Me', email: 'reset-me@example.com' };
/** Set by the first test (serial mode): the trader's password the admin handed out. */
let resetMePassword = '';

test('the admin console shows health and streams log lines live; export and reset password work', async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(120_000);
  const sql = e2eDatabase();
  await sql`insert into users (email, name, password_hash) values (${RESET_ME.email}, ${RESET_ME.name}, 'not-a-hash') on conflict do nothing`;

  const clean = failOnBrowserErrors(page);
  await signIn(page, ADMIN);
  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: 'Admin console' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Workers' }).getByText('alive').first()).toBeVisible(
    { timeout: 30_000 },
  );
  const log = page.getByRole('log', { name: 'System log' });
  await expect(page.getByRole('status').filter({ hasText: /^Live$/ })).toBeVisible({
    timeout: 20_000,
  });
  await snap(page, 'admin-console');

  // A second tab changes something; the first tab's console shows the line without reload.
  const other = await context.newPage();
  const otherClean = failOnBrowserErrors(other);
  await other.goto('/admin');
  await other.getByRole('button', { name: 'Halt all trading' }).click();
  const dialog = other.getByRole('dialog', { name: 'Halt all trading?' });
  await dialog.getByLabel(/Type HALT to confirm/).fill('HALT');
  await dialog.getByRole('button', { name: 'Halt trading' }).click();
  await expect(other.getByTestId('kill-switch-state')).toHaveText('ON');
  await expect(log.getByText(`${ADMIN.email} turned the global kill switch ON`)).toBeVisible();

  await other.getByRole('button', { name: 'Turn kill switch off' }).click();
  await other
    .getByRole('dialog', { name: 'Allow trading again?' })
    .getByRole('button', { name: 'Turn off' })
    .click();
  await expect(other.getByTestId('kill-switch-state')).toHaveText('off');
  await expect(log.getByText(`${ADMIN.email} turned the global kill switch off`)).toBeVisible();
  const [killSwitch] = await sql<
    { value: unknown }[]
  >`select value from app_settings where key = 'kill_switch'`;
  expect(killSwitch?.value).toBe(false);

  // Filters: the "off" line is info, the "ON" line a warning.
  await page.getByRole('checkbox', { name: 'info' }).uncheck();
  await expect(log.getByText(`${ADMIN.email} turned the global kill switch off`)).toHaveCount(0);
  await expect(log.getByText(`${ADMIN.email} turned the global kill switch ON`)).toBeVisible();
  await page.getByRole('checkbox', { name: 'info' }).check();
  await page.getByLabel('Search').fill('turned the global kill switch');
  await expect(log.getByTestId('log-line')).toHaveCount(2);
  await page.getByLabel('Source').selectOption('admin');
  await expect(log.getByTestId('log-line')).toHaveCount(2);
  await page.getByLabel('Search').fill('');

  // Pause holds new lines back until resumed.
  // (Earlier journeys may have opened registration too: compare counts, not presence.)
  await page.getByRole('button', { name: 'Pause' }).click();
  const opened = log.getByText(`${ADMIN.email} opened registration`);
  const openedBefore = await opened.count();
  await other.getByRole('button', { name: 'Open registration' }).click();
  await expect(other.getByTestId('registration-state')).toHaveText('open');
  await other.getByRole('button', { name: 'Close registration' }).click();
  await expect(other.getByTestId('registration-state')).toHaveText('closed');
  await expect(page.getByRole('button', { name: /Resume \(\d+ new\)/ })).toBeVisible();
  await expect(opened).toHaveCount(openedBefore);
  await page.getByRole('button', { name: /Resume/ }).click();
  await expect(opened).toHaveCount(openedBefore + 1);
  await snap(page, 'admin-console-live');
  await page.getByRole('button', { name: 'Clear view' }).click();
  await expect(log.getByText('No log lines to show')).toBeVisible();
  otherClean();
  await other.close();

  // Export everything: a typed confirmation, then a real ZIP.
  await page.getByRole('button', { name: 'Export everything' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export all data?' });
  await expect(exportDialog.getByRole('button', { name: 'Download ZIP' })).toBeDisabled();
  await exportDialog.getByLabel(/Type EXPORT to confirm/).fill('EXPORT');
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Download ZIP' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^osprey-export-[\d-]+\.zip$/);
  const zip = readFileSync(await download.path());
  expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  expect(zip.toString('latin1')).toContain(ADMIN.email);
  expect(zip.toString('latin1')).not.toContain('$argon2');

  // Reset password: shown once, and it signs the user in.
  const row = page.getByRole('row', { name: new RegExp(RESET_ME.email) });
  await row.getByRole('button', { name: 'Reset password' }).click();
  await page
    .getByRole('dialog', { name: `Reset the password of ${RESET_ME.email}?` })
    .getByRole('button', { name: 'Reset password' })
    .click();
  const password = (await page.getByTestId('new-password').textContent())!.trim();
  expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  await snap(page, 'admin-reset-password');
  await page.getByRole('button', { name: 'Done' }).click();
  resetMePassword = password;
  const fresh = await browser.newContext();
  const freshPage = await fresh.newPage();
  await signIn(freshPage, { email: RESET_ME.email, password });
  await fresh.close();

  await sql.end();
  clean();
});

test('a trader is refused the admin console and every admin action', async ({
  page,
  baseURL,
  playwright,
}) => {
  // The trader is the user the first test created and handed a password to.
  expect(resetMePassword).not.toBe('');
  const TRADER = { email: RESET_ME.email, password: resetMePassword };
  const clean = failOnBrowserErrors(page);
  await signIn(page, TRADER);
  await page.goto('/admin');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Admins only');
  await expect(page.getByRole('log', { name: 'System log' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Halt all trading' })).toHaveCount(0);
  await snap(page, 'admin-refused');

  const sql = e2eDatabase();
  const [traderRow] = await sql<
    { id: string }[]
  >`select id from users where email = ${TRADER.email}`;
  const before = await sql<
    { key: string; value: unknown }[]
  >`select key, value from app_settings order by key`;
  const adminActions = listServerActions().filter((a) => /admin\/[\w-]*actions/.test(a.file));
  expect(adminActions.map((a) => a.name)).toEqual(
    expect.arrayContaining([
      'setKillSwitchAction',
      'resetTradingDataAction',
      'resetPasswordAction',
      'setAiDefaultsAction',
      'setModelPriceAction',
      'removeModelPriceAction',
      'askMarketSentimentAction',
    ]),
  );
  const input = {
    open: 'true',
    on: 'true',
    userId: traderRow!.id,
    role: 'admin',
    confirmation: 'RESET TRADING DATA',
    provider: 'openai',
    model: 'gpt-4.1-mini',
    inputPerMTok: '0',
    cachedInputPerMTok: '0',
    outputPerMTok: '0',
  };
  for (const action of adminActions) {
    const response = await callServerAction(page.request, baseURL!, action.id, [null, input]);
    expect(response.text, action.name).toContain('"code":"forbidden"');
  }
  expect(await sql`select key, value from app_settings order by key`).toEqual(before);
  const [trader] = await sql<
    { role: string }[]
  >`select role from users where email = ${TRADER.email}`;
  expect(trader?.role).toBe('trader');

  // The export download refuses a trader (403) and a visitor (401).
  const asTrader = await page.request.post('/admin/export', { form: { confirmation: 'EXPORT' } });
  expect(asTrader.status()).toBe(403);
  const anonymous = await playwright.request.newContext({ baseURL });
  const asNobody = await anonymous.post('/admin/export', {
    form: { confirmation: 'EXPORT' },
    maxRedirects: 0,
  });
  expect(asNobody.status()).toBe(401);
  await anonymous.dispose();

  await sql.end();
  clean();
});

test('the signals, AI log and strategies pages work on real data', async ({ page }) => {
  test.setTimeout(120_000);
  const clean = failOnBrowserErrors(page);
  await signIn(page, ADMIN);

  // Signals: create a webhook URL, send the test alert through the real webhook, see it arrive live.
  await page.goto('/signals');
  await expect(page.getByRole('heading', { name: 'Signals' })).toBeVisible();
  await page.getByLabel('Token name').fill('TradingView');
  await page.getByRole('button', { name: 'Create webhook URL' }).click();
  const url = await page.getByLabel('Webhook URL', { exact: true }).inputValue();
  expect(url).toMatch(/\/api\/webhooks\/tradingview\/\S+$/);
  await expect(page.getByLabel('TradingView alert message')).toContainText('{{ticker}}');
  await page.getByRole('button', { name: 'Send test alert' }).click();
  await expect(page.getByTestId('test-alert-result')).toContainText('202');
  const row = page.getByTestId('signal-row').filter({ hasText: 'tradingview' }).first();
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText('BTC/USDT');
  await row.getByRole('button', { name: 'Details' }).click();
  await snap(page, 'signals');

  // Strategies: create an AI strategy from a template, edit it into version 2, diff it.
  await page.goto('/strategies');
  await page.getByLabel('Name', { exact: true }).fill('Journey AI');
  await page.getByRole('button', { name: 'Create AI strategy' }).click();
  const card = page.getByRole('article', { name: 'Journey AI' });
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'Edit prompt' }).click();
  const prompt = card.getByLabel('System prompt');
  await prompt.fill(
    `${await prompt.inputValue()}\nNever trade during the first minute of an hour.`,
  );
  await card.getByRole('button', { name: 'Show changes' }).click();
  await expect(card.getByLabel('Prompt diff')).toContainText('Never trade during the first minute');
  await card.getByRole('button', { name: 'Save as new version' }).click();
  await expect(card.getByText('v2', { exact: true }).first()).toBeVisible();
  await card
    .getByRole('list', { name: 'Version history' })
    .getByRole('button', { name: 'Diff' })
    .first()
    .click();
  await expect(card.getByLabel('Prompt diff')).toContainText('Never trade during the first minute');
  await snap(page, 'strategies');

  await page.goto('/ai-log');
  await expect(page.getByRole('heading', { name: 'AI log' })).toBeVisible();
  await snap(page, 'ai-log');
  clean();
});
