import { expect, test } from '@playwright/test';
import { ADMIN, e2eDatabase, failOnBrowserErrors, signIn, snap } from './support';

/**
 * The admin's AI controls: a model price is added (inline error first), shows in the table,
 * and is removed after a confirmation; the default provider is saved; the sentiment button
 * answers (a summary, or a clear message when no bot runs).
 */
test('the admin edits the AI price table and defaults and asks for market sentiment', async ({
  page,
}) => {
  const clean = failOnBrowserErrors(page);
  const sql = e2eDatabase();
  await signIn(page, ADMIN);
  await page.goto('/admin');

  const form = page.getByRole('form', { name: 'Model price' });
  await form.getByLabel('Model', { exact: true }).fill('e2e-model');
  await form.getByLabel(/^Input \(USD/).fill('-1');
  await form.getByLabel(/^Cached input/).fill('0.05');
  await form.getByLabel(/^Output/).fill('0.2');
  await form.getByRole('button', { name: 'Save price' }).click();
  await expect(form.getByText('Input price must be a non-negative number')).toBeVisible();
  await form.getByLabel(/^Input \(USD/).fill('0.1');
  await form.getByRole('button', { name: 'Save price' }).click();
  await expect(page.getByText('Price of openai:e2e-model saved')).toBeVisible();
  const row = page.getByRole('table', { name: 'Model prices' }).getByRole('row', {
    name: /e2e-model/,
  });
  await expect(row).toContainText('admin');
  expect(
    await sql`select input_per_mtok::text as input from ai_model_prices where model = 'e2e-model'`,
  ).toEqual([{ input: '0.100000000000000000' }]);
  await snap(page, 'admin-ai-prices');

  await row.getByRole('button', { name: 'Remove the price of e2e-model' }).click();
  await page
    .getByRole('dialog', { name: 'Remove the price of e2e-model?' })
    .getByRole('button', { name: 'Remove price' })
    .click();
  await expect(page.getByText('Price removed: e2e-model now counts as free.')).toBeVisible();
  await expect(row).toHaveCount(0);

  const defaults = page.getByRole('form', { name: 'AI defaults' });
  await defaults.getByLabel('Default provider').selectOption('rules');
  await defaults.getByRole('button', { name: 'Save defaults' }).click();
  await expect(page.getByText('Default AI provider saved.')).toBeVisible();

  await page.getByRole('button', { name: 'Ask for market sentiment' }).click();
  await expect(
    page
      .getByText(/No bot is running: start a bot|Market sentiment: (bullish|bearish|neutral|mixed)/)
      .first(),
  ).toBeVisible({ timeout: 20_000 });
  await sql.end();
  clean();
});
