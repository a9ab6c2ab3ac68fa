import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectPageErrors,
  expectAccessible,
  launchBrowser,
  newDesktopContext,
  screenshot,
} from '../../e2e/support/browser.js';
import { startServer, type RunningServer } from '../../e2e/support/server.js';

describe('back-office on a desktop (1280×800)', () => {
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

  it('sends a visitor to the French login page, accessible', async () => {
    const context = await newDesktopContext(browser!, server!.baseUrl);
    try {
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await page.goto('/admin/');

      await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/admin/login');
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');

      expect(await page.getByLabel('Adresse e-mail').getAttribute('type')).toBe('email');
      expect(await page.getByLabel('Mot de passe').getAttribute('type')).toBe('password');
      await page.getByRole('button', { name: 'Se connecter' }).waitFor();

      await screenshot(page, 'backoffice-login-desktop');
      await expectAccessible(page);

      // The app asks `GET /api/me` first; its expected 401 is logged by Chromium as a failed load.
      expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
