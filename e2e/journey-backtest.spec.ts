import { expect, test, type Page } from '@playwright/test';
import { ADMIN, failOnBrowserErrors, signIn, snap } from './support';

/**
 * Journey (issue 8): a backtest of `sma-cross` on the simulated market is queued from the form,
 * the worker runs it with live progress, and the run page shows metrics, equity and drawdown
 * charts and the trades; two runs are then compared side by side.
 */
test.describe.configure({ mode: 'serial' });

async function runBacktest(page: Page, fast: string) {
  await page.goto('/backtests');
  await page.getByLabel('Strategy', { exact: true }).selectOption('sma-cross');
  await page.getByLabel('Symbol', { exact: true }).selectOption('BTC/USDT');
  await page.getByLabel('Timeframe', { exact: true }).selectOption('1h');
  await page.getByLabel('Fast SMA', { exact: true }).fill(fast);
  await page.getByRole('button', { name: 'Run backtest' }).click();
  await expect(page).toHaveURL(/\/backtests\/[0-9a-f-]{36}$/);
  // queued or running: the live progress bar; finished already: the result
  await expect(
    page
      .getByRole('progressbar', { name: 'Backtest progress' })
      .or(page.getByRole('heading', { name: 'Equity' })),
  ).toBeVisible();
  await snap(page, `backtest-progress-${fast}`);
  await expect(page.getByRole('heading', { name: 'Equity' })).toBeVisible({ timeout: 60_000 });
  return page.url();
}

test('run an SMA-cross backtest on the simulated market, see progress and full results, compare two runs', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const clean = failOnBrowserErrors(page);
  await signIn(page, ADMIN);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Backtests' })
    .click();
  await expect(page.getByRole('heading', { name: 'Backtests', exact: true })).toBeVisible();
  await snap(page, 'backtests-page');

  // Bad input is refused inline with the server's own schema.
  await page.getByLabel('Fast SMA', { exact: true }).fill('50');
  await page.getByLabel('Slow SMA', { exact: true }).fill('20');
  await page.getByRole('button', { name: 'Run backtest' }).click();
  await expect(page.getByText('Fast period must be below slow period')).toBeVisible();
  await page.getByLabel('Slow SMA', { exact: true }).fill('30');

  // The API answers the same: 400 with an error per field.
  const bad = await page.request.post('/api/backtests/run', {
    data: {
      strategyId: 'sma-cross',
      params: { fastPeriod: 50, slowPeriod: 20 },
      symbol: 'btc-usdt',
      timeframe: '1h',
      from: '2025-02-01',
      to: '2025-01-01',
    },
  });
  expect(bad.status()).toBe(400);
  const body = (await bad.json()) as { error: { code: string; fields: Record<string, string[]> } };
  expect(body.error.code).toBe('bad_request');
  expect(Object.keys(body.error.fields).sort()).toEqual(['params.fastPeriod', 'symbol', 'to']);

  await runBacktest(page, '10');
  await expect(page.getByRole('img', { name: 'Equity curve' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Drawdown curve' })).toBeVisible();
  // the curves are drawn (Recharts loads as its own chunk after the page)
  await expect(
    page.getByRole('img', { name: 'Equity curve' }).locator('.recharts-area-area'),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Metrics' })).toContainText('Sharpe');
  await expect(page.getByRole('table', { name: 'Metrics' })).toContainText('Buy & hold');
  await expect(page.getByRole('table', { name: 'Trades' }).getByRole('row').nth(1)).toBeVisible();
  await snap(page, 'backtest-result');

  const listed = (await (await page.request.get('/api/backtests')).json()) as {
    backtests: { id: string; status: string }[];
  };
  expect(listed.backtests.some((b) => b.status === 'completed')).toBe(true);

  await runBacktest(page, '5');
  await page.goto('/backtests');
  const boxes = page.getByRole('checkbox', { name: /^Compare / });
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole('link', { name: 'Compare 2 runs' }).click();
  await expect(page.getByRole('heading', { name: 'Compare backtests' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Equity of the compared runs/ })).toBeVisible();
  await expect(
    page
      .getByRole('img', { name: /Equity of the compared runs/ })
      .locator('.recharts-line')
      .first(),
  ).toBeVisible();
  await snap(page, 'backtest-compare');
  clean();
});

test('sweep SMA-cross parameters from the form, read the ranking and open a combination as a single run', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const clean = failOnBrowserErrors(page);
  await signIn(page, ADMIN);
  await page.goto('/backtests');
  await page.getByLabel('Strategy', { exact: true }).selectOption('sma-cross');
  await page.getByLabel('Timeframe', { exact: true }).selectOption('1h');
  // the mode switch: radio buttons behind their labels
  await page.getByText('Parameter sweep', { exact: true }).click();
  await expect(page.getByLabel('Parameter sweep')).toBeChecked();

  // a value the parameter itself refuses is named on its row, before anything is sent
  await page.getByLabel('Fast SMA minimum').fill('0');
  await page.getByLabel('Fast SMA maximum').fill('15');
  await page.getByRole('button', { name: 'Run backtest' }).click();
  await expect(page.getByText(/^0: /)).toBeVisible();

  await page.getByLabel('Fast SMA minimum').fill('5');
  await page.getByLabel('Fast SMA step').fill('5');
  await page.getByLabel('Slow SMA minimum').fill('30');
  await page.getByLabel('Slow SMA maximum').fill('40');
  await page.getByLabel('Slow SMA step').fill('10');
  await expect(page.getByText('6 combinations')).toBeVisible();
  await page.getByLabel('Rank by').selectOption('totalReturn');
  await snap(page, 'backtest-sweep-form');
  await page.getByRole('button', { name: 'Run backtest' }).click();
  await expect(page).toHaveURL(/\/backtests\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: /Ranking by total return/ })).toBeVisible({
    timeout: 90_000,
  });
  const table = page.getByRole('table', { name: 'Sweep ranking' });
  // header + 6 combinations
  await expect(table.getByRole('row')).toHaveCount(7);
  await snap(page, 'backtest-sweep-result');

  await page.getByRole('button', { name: 'Open combination 1 as a single backtest' }).click();
  await expect(page).toHaveURL(/\/backtests\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: 'Equity' })).toBeVisible({ timeout: 60_000 });
  clean();
});
