import { expect, test } from '@playwright/test';
import { fakeReply, startFakeLlm, type FakeLlm } from '../test/fake-llm';
import { ADMIN, e2eDatabase, failOnBrowserErrors, signIn, snap, pointAiAtFakeLlm } from './support';

/**
 * Journey 3 (issue 9): the AI provider is pointed at the loopback fake LLM (test/fake-llm, started
 * here on 127.0.0.1); an AI strategy is created, edited into version 2, tried on the current
 * market, and backtested. Journey 5: the AI log's detail of that decision shows the exact prompt,
 * the raw response, the tokens and the cost the ledger recorded.
 */
test.describe.configure({ mode: 'serial' });

const STRATEGY = 'E2E AI trend';
const EDIT = 'Only buy when the last close is above the 20-candle average.';
const REASONING = 'E2E fake model: no clean setup on this market, holding.';
const decision = {
  action: 'hold',
  confidence: 62,
  entry: null,
  stopLoss: null,
  takeProfit: null,
  invalidation: null,
  reasoning: REASONING,
};

let llm: FakeLlm;
test.beforeAll(async () => {
  llm = await startFakeLlm();
  // Every call (try now, and each candle of a backtest) takes one scripted answer.
  for (let i = 0; i < 5_000; i++) llm.script(fakeReply.json(decision));
});
test.afterAll(async () => {
  await llm.close();
});

test('an AI strategy on the fake LLM: create, edit into v2, try now, and its ledger entry in the AI log', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const clean = failOnBrowserErrors(page);
  await signIn(page, ADMIN);
  const nav = page.getByRole('navigation', { name: 'Main' });

  // Settings: the OpenAI-compatible provider at the fake LLM's address.
  await nav.getByRole('link', { name: 'Settings' }).click();
  const ai = await pointAiAtFakeLlm(page, llm.url);
  await expect(ai.getByLabel(/^API key \(stored/)).toBeVisible();
  await snap(page, 'settings-ai');

  // Strategies: create from a template (version 1), then edit the prompt into version 2.
  await nav.getByRole('link', { name: 'Strategies' }).click();
  await expect(page.getByRole('heading', { name: 'Strategies', exact: true })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(STRATEGY);
  await page.getByRole('button', { name: 'Create AI strategy' }).click();
  const card = page.getByRole('article', { name: STRATEGY });
  await expect(card).toBeVisible();
  await expect(card.getByText('v1', { exact: true }).first()).toBeVisible();
  await snap(page, 'strategies-created');

  await card.getByRole('button', { name: 'Edit prompt' }).click();
  const prompt = card.getByLabel('System prompt');
  await prompt.fill(`${await prompt.inputValue()}\n${EDIT}`);
  await card.getByLabel('What changed (optional)').fill('trend filter');
  await card.getByRole('button', { name: 'Save as new version' }).click();
  const history = card.getByRole('list', { name: 'Version history' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').first()).toContainText('v2');
  await expect(history.getByRole('listitem').first()).toContainText('current');
  await expect(history.getByRole('listitem').first()).toContainText('trend filter');
  await expect(history.getByRole('listitem').nth(1)).toContainText('v1');
  await history.getByRole('button', { name: 'Diff' }).first().click();
  await expect(card.getByLabel('Prompt diff')).toContainText(EDIT);
  await snap(page, 'strategies-v2');

  // Try now: one decision by v2 on the current market, through the fake LLM.
  const calls = llm.requests.length;
  await card.getByRole('form', { name: 'Try now' }).getByLabel('Timeframe').selectOption('1h');
  await card.getByRole('button', { name: 'Try now' }).click();
  const tried = card.getByTestId('try-result');
  await expect(tried).toBeVisible({ timeout: 30_000 });
  await expect(tried).toContainText('hold');
  await expect(tried).toContainText('confidence 62');
  await expect(tried).toContainText(REASONING);
  await expect(tried).toContainText('openai · gpt-4o-mini');
  await snap(page, 'strategies-try-now');
  expect(llm.requests.length).toBe(calls + 1);
  const sent = llm.requests[calls]!;
  expect(sent.path).toBe('/v1/chat/completions');
  expect(sent.model).toBe('gpt-4o-mini');
  expect(sent.headers.authorization).toBe('Bearer sk-e2e-fake-key');
  expect(JSON.stringify(sent.body)).toContain(EDIT);

  // The ledger holds the decision, made by version 2, with tokens and cost.
  const sql = e2eDatabase();
  const [row] = await sql<
    { id: string; version: number; input_tokens: number; output_tokens: number; cost: string }[]
  >`select d.id, v.version, d.input_tokens, d.output_tokens, d.cost::text
      from ai_decisions d join ai_strategy_versions v on v.id = d.strategy_version_id
      join ai_strategies s on s.id = v.strategy_id
     where s.name = ${STRATEGY} order by d.created_at desc limit 1`;
  await sql.end();
  expect(row).toBeDefined();
  expect(row!.version).toBe(2);
  expect(row!.input_tokens).toBeGreaterThan(100);
  expect(row!.output_tokens).toBeGreaterThan(0);
  expect(Number(row!.cost)).toBeGreaterThan(0);

  // Journey 5: the AI log's detail shows the prompt, the raw response, the tokens and the cost.
  await nav.getByRole('link', { name: 'AI log' }).click();
  await expect(page.getByRole('heading', { name: 'AI log' })).toBeVisible();
  await page.getByLabel('Strategy version').selectOption({ label: `${STRATEGY} v2` });
  const decisions = page.getByTestId('decision-row');
  await expect(decisions).toHaveCount(1);
  await expect(decisions.first()).toContainText('BTC/USDT');
  await expect(decisions.first()).toContainText('hold');
  await expect(decisions.first()).toContainText(`${row!.input_tokens + row!.output_tokens}`);
  await decisions.first().getByRole('button', { name: 'Details' }).click();
  const detail = page.getByTestId('decision-detail');
  await expect(detail).toBeVisible();
  await expect(detail).toContainText('openai · gpt-4o-mini');
  await expect(detail).toContainText(`${row!.input_tokens} / 0 / ${row!.output_tokens}`);
  await expect(detail).toContainText(`$${Number(row!.cost).toFixed(6)}`);
  await expect(detail).toContainText('A hold: no signal was raised.');
  const section = (title: string) =>
    detail.locator('section').filter({ has: page.getByRole('heading', { name: title }) });
  await expect(section('Prompt')).toContainText(EDIT);
  await expect(section('Prompt')).toContainText('BTC/USDT');
  await expect(section('Raw response')).toContainText(REASONING);
  await expect(section('Parsed decision')).toContainText('"confidence": 62');
  await snap(page, 'ai-log-detail');
  clean();
});

test('"Backtest this version" runs version 2 with live progress and shows the results with charts', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const clean = failOnBrowserErrors(page);
  await signIn(page, ADMIN);
  // Answers that take a moment, so the run is seen in progress.
  llm.reset();
  for (let i = 0; i < 1_000; i++) llm.script(fakeReply.slow(40, fakeReply.json(decision)));

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Strategies' })
    .click();
  const v2 = page
    .getByRole('article', { name: STRATEGY })
    .getByRole('list', { name: 'Version history' })
    .getByRole('listitem')
    .first();
  await expect(v2).toContainText('v2');
  await v2.getByRole('link', { name: 'Backtest this version' }).click();
  await expect(page).toHaveURL(/\/backtests\?strategy=[0-9a-f-]{36}&version=[0-9a-f-]{36}$/);
  await expect(page.getByRole('group', { name: 'AI strategy' })).toContainText(`${STRATEGY} v2`);
  await page.getByLabel('Symbol', { exact: true }).selectOption('BTC/USDT');
  await page.getByLabel('Timeframe', { exact: true }).selectOption('1h');
  await page.getByRole('button', { name: 'Estimate calls and cost' }).click();
  const estimate = page.getByTestId('ai-estimate');
  await expect(estimate).toContainText(`${STRATEGY} v2`, { timeout: 60_000 });
  await expect(estimate).toContainText('openai gpt-4o-mini');
  await page.getByRole('checkbox', { name: /I accept up to \d+ provider calls/ }).check();
  await snap(page, 'ai-backtest-form');
  await page.getByRole('button', { name: 'Run backtest' }).click();

  await expect(page).toHaveURL(/\/backtests\/[0-9a-f-]{36}$/);
  const progress = page.getByRole('progressbar', { name: 'Backtest progress' });
  await expect(progress).toBeVisible();
  await snap(page, 'ai-backtest-progress');
  await expect(page.getByRole('heading', { name: 'Equity' })).toBeVisible({ timeout: 180_000 });
  await expect(progress).toHaveCount(0);
  await expect(page.getByRole('img', { name: 'Equity curve' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Drawdown curve' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Metrics' })).toContainText('Buy & hold');
  await expect(page.getByLabel('AI backtest report')).toContainText(`${STRATEGY} v2`);
  expect(llm.requests.length).toBeGreaterThan(0);
  for (const request of llm.requests) expect(JSON.stringify(request.body)).toContain(EDIT);
  await snap(page, 'ai-backtest-result');
  clean();
});
