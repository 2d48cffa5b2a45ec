import { expect, test } from '@playwright/test';
import { formatPrice } from '../lib/format';
import { ADMIN, e2eDatabase, failOnBrowserErrors, signIn, snap } from './support';

/**
 * Journey 2 (issue 9): the webhook URL is created and copied from the Signals page; a
 * TradingView-style alert (text/plain JSON, as TradingView posts it) is sent to it; the signal
 * appears live on the Signals page without reload; the order fills on the paper exchange; the
 * position shows on the bot's chart with its take-profit and stop-loss lines, and on the Trade page.
 */
test.describe.configure({ mode: 'serial' });

const BOT = 'E2E webhook ETH';

test('a TradingView alert to the webhook URL opens a protected position, live on every page', async ({
  page,
  playwright,
}) => {
  test.setTimeout(180_000);
  const clean = failOnBrowserErrors(page);
  await signIn(page, ADMIN);
  const nav = page.getByRole('navigation', { name: 'Main' });

  // A bot the alerts are bound to (left stopped: only the webhook trades for it).
  await nav.getByRole('link', { name: 'Bots' }).click();
  await page.getByRole('main').getByRole('link', { name: 'New bot' }).click();
  await page.getByLabel('Name', { exact: true }).fill(BOT);
  await page.getByLabel('Symbol', { exact: true }).fill('eth/usdt');
  await expect(page.getByText('Market found on this account.')).toBeVisible();
  await page.getByRole('button', { name: 'Create bot' }).click();
  await expect(page).toHaveURL(/\/bots\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: BOT })).toBeVisible();
  const botUrl = page.url();

  // Signals: create a token bound to the bot and read the URL the page shows once.
  await nav.getByRole('link', { name: 'Signals' }).click();
  await expect(page.getByRole('heading', { name: 'Signals' })).toBeVisible();
  await page.getByLabel('Token name').fill('TradingView ETH');
  await page.getByLabel('Bind to bot (optional)').selectOption({ label: BOT });
  await page.getByRole('button', { name: 'Create webhook URL' }).click();
  const url = await page.getByLabel('Webhook URL', { exact: true }).inputValue();
  expect(url).toMatch(/^http:\/\/localhost:\d+\/api\/webhooks\/tradingview\/\S+$/);
  await expect(page.getByLabel('TradingView alert message')).toContainText('{{close}}');
  await expect(page.getByRole('table', { name: 'Webhook tokens' })).toContainText(
    'TradingView ETH',
  );

  // "Send test alert" goes through the real webhook: a harmless close, refused by the risk path.
  await page.getByRole('button', { name: 'Send test alert' }).click();
  await expect(page.getByTestId('test-alert-result')).toContainText('202 accepted');
  const testRow = page
    .getByTestId('signal-row')
    .filter({ hasText: 'tradingview' })
    .filter({ hasText: 'close' })
    .first();
  await expect(testRow).toBeVisible({ timeout: 15_000 });
  await expect(testRow).toContainText('rejected', { timeout: 30_000 });
  await snap(page, 'signals-webhook-created');

  // The market price now, from the bot page, for the alert's {{close}}.
  const bot = await page.context().newPage();
  const botClean = failOnBrowserErrors(bot);
  await bot.goto(botUrl);
  const lastPrice = bot.getByText('Last price').locator('xpath=following-sibling::p[1]');
  await expect(lastPrice).toHaveText(/^[\d,]+\.\d+$/);
  const price = Number((await lastPrice.textContent())!.replace(/,/g, ''));
  expect(price).toBeGreaterThan(0);
  const stopLoss = Math.round(price * 0.95 * 100) / 100;
  const takeProfit = Math.round(price * 1.05 * 100) / 100;

  // What TradingView sends: the filled-in message template as text/plain, to the copied URL.
  const sender = await playwright.request.newContext();
  const alertId = `e2e-eth-${Date.now()}`;
  const reply = await sender.post(url, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    data: JSON.stringify(
      {
        ticker: 'BINANCE:ETHUSDT',
        action: 'buy',
        quote_amount: '150',
        price: String(price),
        stop_loss: String(stopLoss),
        take_profit: String(takeProfit),
        time: new Date().toISOString(),
        alert_id: alertId,
        strategy: 'E2E breakout',
        timeframe: '15',
      },
      null,
      2,
    ),
  });
  expect(reply.status(), await reply.text()).toBe(202);
  const { signalId } = (await reply.json()) as { signalId: string };
  await sender.dispose();

  // The signal appears live on the Signals page (no reload) and is executed by the worker.
  const row = page
    .getByTestId('signal-row')
    .filter({ hasText: 'ETH/USDT' })
    .filter({ hasText: 'buy' })
    .first();
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText('tradingview');
  await expect(row).toContainText(`${formatPrice(stopLoss)} / ${formatPrice(takeProfit)}`);
  await expect(row).toContainText('executed', { timeout: 60_000 });
  await row.getByRole('button', { name: 'Details' }).click();
  await snap(page, 'signals-alert-executed');

  // The order filled on the paper exchange and the position is open with the alert's levels.
  const sql = e2eDatabase();
  const [entry] = await sql<{ status: string; role: string; source: string }[]>`
    select status, role, source from orders where signal_id = ${signalId} and role = 'entry'`;
  expect(entry).toMatchObject({ status: 'filled', source: 'tradingview' });
  const [position] = await sql<
    { status: string; take_profit: string; stop_loss: string; bot_id: string }[]
  >`select status, take_profit::text, stop_loss::text, bot_id::text from positions where signal_id = ${signalId}`;
  expect(position?.status).toBe('open');
  expect(Number(position!.take_profit)).toBeCloseTo(takeProfit, 6);
  expect(Number(position!.stop_loss)).toBeCloseTo(stopLoss, 6);
  await sql.end();

  // The bot page (open since before the alert) shows the position and its TP/SL lines live.
  const open = bot.getByTestId('bot-open-position');
  await expect(open).toBeVisible({ timeout: 30_000 });
  await expect(open).toContainText(formatPrice(takeProfit));
  await expect(open).toContainText(formatPrice(stopLoss));
  await expect(bot.getByTestId('line-tp')).toHaveText(`TP ${formatPrice(takeProfit)}`);
  await expect(bot.getByTestId('line-sl')).toHaveText(`SL ${formatPrice(stopLoss)}`);
  await expect(bot.getByTestId('trade-row').first()).toBeVisible();
  await snap(bot, 'bot-webhook-position');
  botClean();
  await bot.close();

  // The Trade page lists it with its protection.
  await nav.getByRole('link', { name: 'Trade' }).click();
  const positionRow = page.getByTestId('position-row').filter({ hasText: BOT });
  await expect(positionRow).toContainText('ETH/USDT');
  await expect(positionRow).toContainText(`${formatPrice(takeProfit)} / ${formatPrice(stopLoss)}`);
  await snap(page, 'trade-webhook-position');
  clean();
});
