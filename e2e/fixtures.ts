// The test runner's `test`, with one difference: opening or reloading the lab waits until the lab
// has started (its store is there). The page's entry (src/boot.ts) loads the lab as a chunk of its
// own, so the load event can come before the lab starts; a person never notices, a test would.
import { test as base, type Page } from '@playwright/test';

/** After goto/reload on the lab itself (not a click-to-load cover, not a host page), wait for it. */
function waitForLab(page: Page, baseURL: string | undefined): void {
  const ready = async () => {
    if (!baseURL) return;
    const url = new URL(page.url());
    const lab = url.origin === new URL(baseURL).origin && /\/(index\.html)?$/.test(url.pathname);
    if (!lab || url.searchParams.get('ctl') === '1') return;
    // The full lab in a foreign frame shows a notice and never starts: do not wait forever.
    await page
      .waitForFunction(
        () => window.__netlab?.store !== undefined || document.querySelector('[role="alert"]'),
        null,
        {
          timeout: 15_000,
        },
      )
      .catch(() => undefined);
  };
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (...args) => {
    const response = await goto(...args);
    await ready();
    return response;
  };
  page.reload = async (...args) => {
    const response = await reload(...args);
    await ready();
    return response;
  };
}

export const test = base.extend<object, { labBrowser: void }>({
  context: async ({ context, baseURL }, use) => {
    context.on('page', (page) => waitForLab(page, baseURL));
    await use(context);
  },
  // Contexts a test makes itself (a second person, another profile) wait the same way.
  labBrowser: [
    async ({ browser }, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL;
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const context = await newContext(...args);
        context.on('page', (page) => waitForLab(page, baseURL));
        return context;
      };
      await use();
    },
    { scope: 'worker', auto: true },
  ],
});

export { expect } from '@playwright/test';
