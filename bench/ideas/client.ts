import { chromium, type Page } from '@playwright/test';

/**
 * The client with a big box: the built web client in Chromium (headless), signed in,
 * opening the box (first 50 ideas drawn), voting (the count updated from the relay's
 * answer), and paging ten times with "Show more" (550 ideas drawn). Long tasks (main
 * thread busy over 50 ms) are counted while it happens: "smooth" means few and short.
 */
export interface ClientFigures {
  openMs: number;
  voteMs: number;
  moreMs: number[];
  drawn: number;
  longTasks: number;
  longestTaskMs: number;
}

const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function measureClient(base: string, email: string, password: string, boxId: string, pages: number): Promise<ClientFigures> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
  try {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(base + '/');
    await page.getByLabel('E-mail', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Activities' }).waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ entryTypes: ['longtask'] });
    });

    const t0 = Date.now();
    await page.evaluate((id) => (window.location.hash = `#/ideas/${id}`), boxId);
    await page.getByTestId('idea').first().waitFor();
    await waitCount(page, Math.min(50, pages));
    const openMs = Date.now() - t0;

    const title = (await page.getByTestId('idea').nth(3).locator('.idea-title').textContent()) ?? '';
    const t1 = Date.now();
    await page.getByRole('button', { name: `Vote for "${title}"`, exact: true }).click();
    await page.getByRole('button', { name: `Withdraw my vote for "${title}"`, exact: true }).waitFor();
    const voteMs = Date.now() - t1;

    const moreMs: number[] = [];
    for (let i = 0; i < 10; i++) {
      const more = page.getByRole('button', { name: /^Show more/ });
      if (!(await more.count())) break;
      const n = await page.getByTestId('idea').count();
      const t = Date.now();
      await more.click();
      await waitCount(page, n + 1);
      moreMs.push(Date.now() - t);
    }
    const drawn = await page.getByTestId('idea').count();
    const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    await context.close();
    return { openMs, voteMs, moreMs, drawn, longTasks: tasks.length, longestTaskMs: Math.max(0, ...tasks) };
  } finally {
    await browser.close();
  }
}

async function waitCount(page: Page, n: number) {
  await page.waitForFunction((k) => document.querySelectorAll('[data-testid="idea"]').length >= k, n);
}
