import { expect, test, type Page } from '@playwright/test';
import { ADMIN, failOnBrowserErrors, signIn, snap } from './support';

/**
 * The app at 768 × 1024 (a tablet in portrait; the `tablet` project sets the viewport): no page
 * scrolls sideways. Wide tables scroll inside their own container instead. Runs after the
 * journeys, so the pages hold real rows, not only empty states.
 */
const PAGES = [
  { path: '/dashboard', heading: 'Dashboard' },
  { path: '/bots', heading: 'Bots' },
  { path: '/trade', heading: 'Trade' },
  { path: '/signals', heading: 'Signals' },
  { path: '/ai-log', heading: 'AI log' },
  { path: '/strategies', heading: 'Strategies' },
  { path: '/backtests', heading: 'Backtests' },
  { path: '/settings', heading: 'Settings' },
  { path: '/admin', heading: 'Admin console' },
];

/**
 * How far the page, or its main area (which scrolls on its own), sticks out sideways, with the
 * outermost elements that stick out (for the failure message).
 */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector('main')!;
    const view = { page: window.innerWidth, main: main.clientWidth };
    const scroll = { page: document.scrollingElement!.scrollWidth, main: main.scrollWidth };
    const limit = main.getBoundingClientRect().left + main.clientWidth;
    const culprits: string[] = [];
    if (scroll.page > view.page || scroll.main > view.main) {
      for (const el of Array.from(main.querySelectorAll('*'))) {
        const box = el.getBoundingClientRect();
        if (box.right <= limit + 0.5 || box.width === 0) continue;
        // Only the outermost element sticking out: its parent fits.
        const parent = el.parentElement?.getBoundingClientRect();
        if (parent && parent.right > limit + 0.5) continue;
        const cls = typeof el.className === 'string' ? el.className.slice(0, 100) : '';
        culprits.push(
          `<${el.tagName.toLowerCase()} class="${cls}"> right=${Math.round(box.right)}`,
        );
        if (culprits.length >= 8) break;
      }
      // Absolutely placed elements escape a scroll container that is not their containing block.
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        const { position } = getComputedStyle(el);
        if (position !== 'absolute' && position !== 'fixed') continue;
        const box = el.getBoundingClientRect();
        if (box.right > view.page + 0.5)
          culprits.push(`${position} <${el.tagName.toLowerCase()}> right=${Math.round(box.right)}`);
        if (culprits.length >= 12) break;
      }
    }
    return { view, scroll, culprits };
  });
}

test('every key page fits a 768 px wide tablet without scrolling sideways', async ({ page }) => {
  test.setTimeout(120_000);
  const clean = failOnBrowserErrors(page);
  await signIn(page, ADMIN);
  expect(page.viewportSize()?.width).toBe(768);
  const pages = [...PAGES];
  // A bot's detail page too (the journeys created bots), with its chart and tables.
  await page.goto('/bots');
  const firstBot = page.getByRole('main').locator('a[href^="/bots/"]:not([href$="/new"])').first();
  if ((await firstBot.count()) > 0) {
    const href = await firstBot.getAttribute('href');
    pages.push({ path: href!, heading: '' });
  }
  for (const { path, heading } of pages) {
    await page.goto(path);
    if (heading)
      await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    await page.waitForLoadState('networkidle');
    // The bot's candle chart draws at this width, with its legend and the TradingView logo.
    if (!heading) {
      await expect(page.getByTestId('candle-chart').locator('canvas').first()).toBeVisible();
      await expect(page.getByTestId('chart-markers')).toContainText(/\d+ entr(y|ies)/);
      await expect(page.getByTitle('Charting by TradingView')).toBeVisible();
    }
    const o = await overflow(page);
    await snap(page, `tablet${path.replace(/\//g, '-')}`);
    const why = `${path} scrolls sideways (limit ${o.view.main} px):\n${o.culprits.join('\n')}`;
    expect.soft(o.scroll.page, why).toBeLessThanOrEqual(o.view.page);
    expect.soft(o.scroll.main, why).toBeLessThanOrEqual(o.view.main);
  }
  clean();
});
