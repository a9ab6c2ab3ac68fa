import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectPageErrors,
  expectAccessible,
  launchBrowser,
  newPhoneContext,
  screenshot,
} from '../../e2e/support/browser.js';
import { startServer, type RunningServer } from '../../e2e/support/server.js';

describe('beneficiary app on a phone (390×844)', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the welcome screen in French, accessible, installable', async () => {
    const context = await newPhoneContext(browser!, server!.baseUrl);
    try {
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await page.goto('/');

      await page.getByRole('heading', { level: 1, name: 'Mes papiers en sécurité' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
      expect(await page.getByRole('banner').textContent()).toContain('Consigne');

      const phoneField = page.getByLabel('Votre numéro de téléphone');
      expect(await phoneField.getAttribute('type')).toBe('tel');
      const button = page.getByRole('button', { name: 'Recevoir un code' });
      const box = await button.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);

      // Nothing wider than the screen: no sideways scrolling on a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      await screenshot(page, 'beneficiary-web-welcome-phone');
      await expectAccessible(page);

      // PWA: the manifest is served and the service worker takes control of the app shell.
      const manifest = await page.request.get('/manifest.webmanifest');
      expect(manifest.status()).toBe(200);
      expect(((await manifest.json()) as { lang?: string }).lang).toBe('fr');
      const swState = await page.evaluate(() =>
        Promise.race([
          navigator.serviceWorker.ready.then((registration) => registration.active?.state ?? 'none'),
          new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), 10_000)),
        ]),
      );
      expect(['activating', 'activated']).toContain(swState);

      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
