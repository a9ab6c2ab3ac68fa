/**
 * Browser side of the e2e tests: Debian's Chromium driven by playwright-core, the two device
 * profiles we design for, screenshots for people to look at, and an axe accessibility gate.
 *
 * Chromium comes from Debian (`scripts/ensure-chromium.sh`), never from Playwright's downloads.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

/** `CHROMIUM_PATH` overrides, e.g. `/usr/lib/chromium/chromium` to skip Debian's wrapper script. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}. Install it with: sudo bash scripts/ensure-chromium.sh`);
  }
  return chromium.launch({ executablePath, args: chromiumArgs, headless: true, timeout: 30_000 });
}

/** A staff member's screen: the back-office is designed for 1280 px and up (and tablets). */
export const desktop: BrowserContextOptions = {
  viewport: { width: 1280, height: 800 },
  locale: 'fr-FR',
  timezoneId: 'Europe/Paris',
};

/** A beneficiary's phone: the beneficiary app is designed mobile first. */
export const phone: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  locale: 'fr-FR',
  timezoneId: 'Europe/Paris',
};

function withBaseUrl(profile: BrowserContextOptions, baseURL: string, extra: BrowserContextOptions) {
  return { ...profile, ...extra, baseURL };
}

export function newDesktopContext(browser: Browser, baseURL: string, extra: BrowserContextOptions = {}) {
  return browser.newContext(withBaseUrl(desktop, baseURL, extra));
}

export function newPhoneContext(browser: Browser, baseURL: string, extra: BrowserContextOptions = {}) {
  return browser.newContext(withBaseUrl(phone, baseURL, extra));
}

/**
 * Collects what goes wrong in a page (uncaught exceptions, console errors) so a test can assert
 * that a screen rendered cleanly.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}

/** Saves `test-results/screenshots/<name>.png` (full page) and returns its path. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  const safeName = name.replace(/[^a-zA-Z0-9._-]+/g, '-');
  const path = join(screenshotDir, `${safeName}.png`);
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path, fullPage: options.fullPage ?? true, animations: 'disabled' });
  return path;
}

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type AxeViolation = AxeResults['violations'][number];

export interface AxeOptions {
  /** CSS selectors to restrict the scan to. */
  include?: string[];
  /** CSS selectors to leave out (third-party widgets…), each with a reason in the test. */
  exclude?: string[];
  /** Rule ids to skip, each with a reason in the test. */
  disableRules?: string[];
}

const blockingImpacts = new Set(['serious', 'critical']);

/** One violation per paragraph: impact, rule, help, link, then each offending node and why. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 10)
        .map((node) => {
          const summary = (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ').trim();
          return `    - ${node.target.join(' ')}\n      ${node.html.slice(0, 200)}\n      ${summary}`;
        })
        .join('\n');
      const more = v.nodes.length > 10 ? `\n    … and ${v.nodes.length - 10} more` : '';
      return `[${v.impact ?? 'unknown'}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n\n');
}

/**
 * Runs axe (WCAG 2.0/2.1/2.2 A and AA rules plus best practices) on the page as it is now.
 * Throws on serious or critical violations; minor and moderate ones are printed as warnings.
 */
export async function expectAccessible(page: Page, options: AxeOptions = {}): Promise<AxeResults> {
  let builder = new AxeBuilder({ page }).withTags([
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
    'wcag22aa',
    'best-practice',
  ]);
  for (const selector of options.include ?? []) builder = builder.include(selector);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);

  const results = await builder.analyze();
  const blocking = results.violations.filter((v) => blockingImpacts.has(v.impact ?? ''));
  const minor = results.violations.filter((v) => !blockingImpacts.has(v.impact ?? ''));

  if (minor.length > 0) {
    console.warn(`axe: ${minor.length} minor/moderate issue(s) on ${page.url()}\n${formatViolations(minor)}`);
  }
  if (blocking.length > 0) {
    throw new Error(
      `axe: ${blocking.length} serious/critical accessibility violation(s) on ${page.url()}\n\n${formatViolations(blocking)}`,
    );
  }
  return results;
}
