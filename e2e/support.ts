import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import postgres from 'postgres';
import { E2E_DATA_DIR } from '../playwright.config';

export const ADMIN = {
  name: 'Ada Admin',
  email: 'ada@example.com',
  password: 'admin password 123',
};
export const TRADER = {
  name: 'Tess Trader',
  email: 'tess@example.com',
  password: 'trader password 123',
};

/** A connection to the database the launcher started for this run (to assert what changed). */
export function e2eDatabase() {
  const runtime = JSON.parse(readFileSync(path.join(E2E_DATA_DIR, 'runtime.json'), 'utf8')) as {
    databaseUrl: string;
  };
  return postgres(runtime.databaseUrl, { max: 1, onnotice: () => undefined });
}

export async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/**
 * On the Settings page: points the AI provider (OpenAI-compatible, chat API) at the loopback
 * fake LLM at `llmUrl` and saves; returns the AI settings form.
 */
export async function pointAiAtFakeLlm(page: Page, llmUrl: string) {
  const ai = page.getByRole('form', { name: 'AI settings' });
  await ai.getByLabel('Provider').selectOption('openai');
  await ai.getByLabel('Model', { exact: true }).fill('gpt-4o-mini');
  await ai.getByLabel(/^API key/).fill('sk-e2e-fake-key');
  await ai.getByLabel(/^Base URL/).fill(`${llmUrl}/v1`);
  await ai.getByLabel('OpenAI API').selectOption('chat');
  await ai.getByRole('button', { name: 'Save AI settings' }).click();
  await expect(page.getByText('AI settings saved.')).toBeVisible();
  return ai;
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Fails the test on any browser console error or failed request (journeys must be clean). */
export function failOnBrowserErrors(page: Page, allow: RegExp[] = []) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !allow.some((a) => a.test(message.text())))
      problems.push(`console: ${message.text()}`);
  });
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? '';
    // Navigations abort in-flight prefetches; that is not a failure of the app.
    if (failure.includes('ERR_ABORTED')) return;
    problems.push(`request failed: ${request.url()} ${failure}`);
  });
  return () => expect(problems, problems.join('\n')).toEqual([]);
}

/**
 * Saves a full-page screenshot of the page as it is now into the test's artifacts (its output
 * folder, and attached to the report), one per page a journey visits.
 */
export async function snap(page: Page, name: string) {
  const info = test.info();
  const file = info.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await info.attach(name, { path: file, contentType: 'image/png' });
}
