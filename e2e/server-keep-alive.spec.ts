import { expect, test } from '@playwright/test';

/**
 * The web server keeps idle connections 65 s and says so. With Node's default 5 s, a sender
 * reusing a pooled connection could send an alert just as the server closed it, and see a reset
 * (the webhook benchmark's load generator did, a few times in 15,000).
 */
test('the web server announces a 65-second keep-alive', async ({ playwright, baseURL }) => {
  const client = await playwright.request.newContext({ baseURL });
  const response = await client.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['keep-alive']).toBe('timeout=65');
  await client.dispose();
});
