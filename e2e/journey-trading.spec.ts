import { expect, test } from '@playwright/test';
import { ADMIN, failOnBrowserErrors, signIn, snap } from './support';

/**
 * Journey 1 (issue 9): a paper bot on the simulated market with a rule strategy is created and
 * started; its decision and its trade appear live without reloading; the position is closed by
 * hand and the realised P&L shows on the dashboard.
 */
test.describe.configure({ mode: 'serial' });

const BOT = 'E2E volatile BTC';

test('create a paper bot, start it, see its decision and trade live, close by hand, realised P&L on the dashboard', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const clean = failOnBrowserErrors(page);
  await signIn(page, ADMIN);
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByTestId('simulated-banner')).toBeVisible();
  await snap(page, 'dashboard-empty');

  // Create the bot: "volatile" with thresholds that buy on the first analysed cycle.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bots' }).click();
  await expect(page.getByRole('heading', { name: 'Bots' })).toBeVisible();
  await snap(page, 'bots-empty');
  await page.getByRole('main').getByRole('link', { name: 'New bot' }).click();
  await expect(page.getByRole('heading', { name: 'New bot' })).toBeVisible();

  // The form refuses an empty name inline, from the same schema as the server.
  await page.getByRole('button', { name: 'Create bot' }).click();
  await expect(page.getByText('Give the bot a name.')).toBeVisible();

  await page.getByLabel('Name', { exact: true }).fill(BOT);
  await page.getByLabel('Symbol', { exact: true }).fill('btc/usdt');
  await expect(page.getByText('Market found on this account.')).toBeVisible();
  await page.getByLabel('Strategy', { exact: true }).selectOption('volatile');
  await page.locator('#param-rsiBuy').fill('98');
  await page.locator('#param-rsiSell').fill('99');
  await page.locator('#param-minSignals').fill('1');
  await snap(page, 'bot-new');
  await page.getByRole('button', { name: 'Create bot' }).click();
  await expect(page).toHaveURL(/\/bots\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: BOT })).toBeVisible();
  await expect(page.getByText('No cycles yet')).toBeVisible();

  // Start: the first cycle runs at once; its decision and the trade arrive without a reload.
  await page.getByRole('button', { name: `Start ${BOT}` }).click();
  await expect(page.getByRole('button', { name: `Pause ${BOT}` })).toBeVisible();
  await expect(page.getByTestId('cycle-row').first()).toBeVisible({ timeout: 90_000 });
  await snap(page, 'bot-first-cycle');
  await expect(page.getByTestId('trade-row').first()).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('cycle-row').first()).toContainText('buy', { timeout: 30_000 });
  await expect(page.getByTestId('bot-open-position')).toBeVisible();
  await expect(page.getByTestId('line-tp')).toBeVisible();
  await expect(page.getByTestId('line-sl')).toBeVisible();
  await expect(page.getByTestId('candle-chart')).toBeVisible();
  await expect(page.getByTestId('chart-markers')).toContainText('1 entry');
  await expect(page.getByTitle('Charting by TradingView')).toBeVisible();
  await snap(page, 'bot-open-position');

  // Stop the bot (its position stays open and protected), then close by hand with a confirmation.
  await page.getByRole('button', { name: `Stop ${BOT}` }).click();
  await expect(page.getByRole('button', { name: `Start ${BOT}` })).toBeVisible();
  await expect(page.getByTestId('bot-open-position')).toBeVisible();
  await page
    .getByTestId('bot-open-position')
    .getByRole('button', { name: /^Close .* position$/ })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Close at market' }).click();
  await expect(page.getByTestId('trade-row').first()).toContainText('manual', { timeout: 30_000 });
  await expect(page.getByTestId('bot-open-position')).toHaveCount(0);
  await expect(page.getByTestId('chart-markers')).toContainText('1 exit');
  await expect(page.getByTestId('line-tp')).toHaveCount(0);
  await snap(page, 'bot-closed');

  // The dashboard shows the realised P&L of the closed trade.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Dashboard' })
    .click();
  const realised = page.getByTestId('stat-realised');
  await expect(realised).toContainText('1 closed trades');
  await expect(realised).toContainText(/[+−]\d+\.\d\d/);
  await expect(page.getByTestId('activity-closed').first()).toBeVisible();
  await snap(page, 'dashboard-after-trade');

  // The other trader-facing pages render.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trade' }).click();
  await expect(page.getByRole('heading', { name: 'Trade' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Order ticket' })).toBeVisible();
  await snap(page, 'trade');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await snap(page, 'settings');
  clean();
});
