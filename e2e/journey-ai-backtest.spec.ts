import { expect, test, type Page } from '@playwright/test';
import { fakeReply, startFakeLlm, type FakeLlm } from '../test/fake-llm';
import { ADMIN, failOnBrowserErrors, signIn, snap, pointAiAtFakeLlm } from './support';

/**
 * Journey (issues 6 and 8): an AI strategy version is backtested from the Strategies page
 * ("Backtest v1" preselects it in the form): the estimate shows the decisions and calls, the
 * user confirms it, the worker runs it through the loopback fake LLM and the run page shows the
 * AI report. The same backtest again is estimated and run from the ledger's cache: no call.
 */
test.describe.configure({ mode: 'serial' });

const STRATEGY = 'E2E AI backtest';
const hold = {
  action: 'hold',
  confidence: 55,
  entry: null,
  stopLoss: null,
  takeProfit: null,
  invalidation: null,
  reasoning: 'E2E fake model: holding.',
};

let llm: FakeLlm;
test.beforeAll(async () => {
  llm = await startFakeLlm();
  for (let i = 0; i < 1_000; i++) llm.script(fakeReply.json(hold));
});
test.afterAll(async () => {
  await llm.close();
});

async function backtestFromStrategies(page: Page) {
  await page.goto('/strategies');
  await page
    .getByRole('article', { name: STRATEGY })
    .getByRole('link', { name: 'Backtest v1' })
    .click();
  await expect(page).toHaveURL(/\/backtests\?strategy=.*&version=/);
  await expect(page.getByLabel('Strategy', { exact: true })).toHaveValue(/^ai:/);
  await page.getByLabel('Timeframe', { exact: true }).selectOption('1d');
  await page.getByLabel('Ask every N bars').fill('5');
  await page.getByRole('button', { name: 'Estimate calls and cost' }).click();
  const estimate = page.getByTestId('ai-estimate');
  await expect(estimate).toBeVisible({ timeout: 60_000 });
  return estimate;
}

test('backtest an AI strategy version: estimate, confirm, run through the fake LLM, replay from the cache', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // the unconfirmed run below is refused with a 400 on purpose
  const clean = failOnBrowserErrors(page, [/status of 400/]);
  await signIn(page, ADMIN);

  await page.goto('/settings');
  await pointAiAtFakeLlm(page, llm.url);

  await page.goto('/strategies');
  await page.getByLabel('Name', { exact: true }).fill(STRATEGY);
  await page.getByRole('button', { name: 'Create AI strategy' }).click();
  await expect(page.getByRole('article', { name: STRATEGY })).toBeVisible();

  // First run: nothing cached, every decision is a provider call.
  const first = await backtestFromStrategies(page);
  await expect(first).toContainText('0 already cached');
  await expect(first).toContainText('training cutoff 2023-10-01');
  const calls = llm.requests.length;
  // the server refuses an unconfirmed run, inline
  await page.getByRole('button', { name: 'Run backtest' }).click();
  await expect(page.getByText(/Confirm the estimate first/).first()).toBeVisible();
  await page.getByRole('checkbox', { name: /I accept up to \d+ provider calls/ }).check();
  await snap(page, 'ai-backtest-estimate');
  await page.getByRole('button', { name: 'Run backtest' }).click();
  await expect(page).toHaveURL(/\/backtests\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: /AI decisions/ })).toBeVisible({
    timeout: 120_000,
  });
  const table = page.getByRole('table', { name: /AI results by training cutoff/ });
  await expect(table).toContainText('AI · after cutoff');
  await expect(table).toContainText('Rules baseline · sma-cross');
  await expect(table).toContainText('Buy & hold');
  await snap(page, 'ai-backtest-result');
  const made = llm.requests.length - calls;
  expect(made).toBeGreaterThan(0);

  // Second run of the same version and range: all cached, no provider call.
  const second = await backtestFromStrategies(page);
  await expect(second).toContainText('0 provider calls');
  await page.getByRole('checkbox', { name: /I accept up to 0 provider calls/ }).check();
  await page.getByRole('button', { name: 'Run backtest' }).click();
  await expect(page.getByRole('heading', { name: /AI decisions/ })).toBeVisible({
    timeout: 120_000,
  });
  expect(llm.requests.length - calls).toBe(made);
  clean();
});
