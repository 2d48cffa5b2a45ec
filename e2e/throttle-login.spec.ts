import { expect, test } from '@playwright/test';
import { ADMIN, failOnBrowserErrors, snap } from './support';

/**
 * 20 wrong passwords from one client, each claiming a different X-Forwarded-For: with no trusted
 * proxy configured the header is ignored, so the client is throttled, even with the right password.
 */
test('20 wrong passwords throttle the client; a spoofed X-Forwarded-For does not reset the count', async ({
  page,
}) => {
  // Refused sign-ins answer 401 and 429 on purpose; anything else in the console is a failure.
  const clean = failOnBrowserErrors(page, [/status of 40[13]|status of 429/]);
  let n = 0;
  const attempt = async (email: string, password: string) => {
    n += 1;
    await page.setExtraHTTPHeaders({ 'X-Forwarded-For': `203.0.113.${n}` });
    await page.goto('/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    return page.getByRole('main').getByRole('alert');
  };
  // Earlier journeys made a wrong attempt or two from this client, so the last of these 20 may
  // already be throttled; the first is not.
  await expect(await attempt('guess0@example.com', 'wrong password')).toHaveText(
    'Invalid email or password.',
  );
  for (let i = 1; i < 20; i++) {
    await expect(await attempt(`guess${i}@example.com`, 'wrong password')).toHaveText(
      /^(Invalid email or password\.|Too many failed sign-in attempts.*)$/,
    );
  }
  await expect(await attempt(ADMIN.email, ADMIN.password)).toHaveText(
    /Too many failed sign-in attempts/,
  );
  await expect(page).toHaveURL(/\/login/);
  await snap(page, 'login-throttled');
  clean();
});
