/**
 * AUTHZ-4 in the browser: someone who already has an account is invited into one more structure.
 * Nothing changes until they accept: the mail's link (real SMTP) shows "Rejoindre …"; signed out,
 * it sends them to the sign-in page and back; joining reloads the back-office with the new
 * structure in the structure menu.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCatcher, type SmtpCatcher } from '../../server/test/support/smtp-catcher.js';
import { expectAccessible, launchBrowser, newDesktopContext, screenshot } from '../../e2e/support/browser.js';
import {
  createPlatformAdminByCli,
  enrolByApi,
  invitationToken,
  strongPassword,
  type EnrolledStaff,
} from '../../e2e/support/consigne.js';
import { startServer, type RunningServer } from '../../e2e/support/server.js';

describe('an existing account joins another structure (1280×800, mail over SMTP)', () => {
  let smtp: SmtpCatcher;
  let server: RunningServer;
  let browser: Browser;
  let platform: EnrolledStaff;
  let sam: EnrolledStaff;
  let context: BrowserContext;
  let page: Page;
  let joinToken: string;

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    [server, browser] = await Promise.all([startServer({ env: { SMTP_URL: smtp.url } }), launchBrowser()]);
    const base = server.baseUrl;
    platform = await enrolByApi(
      base,
      await createPlatformAdminByCli(server, 'ops@consigne.test'),
      strongPassword('ops'),
    );
    const bron = await platform.client.json('POST', '/structures', { name: 'CCAS de Bron', kind: 'ccas' });
    const relais = await platform.client.json('POST', '/structures', {
      name: 'Association Le Relais',
      kind: 'association',
    });
    await platform.client.json('POST', `/structures/${bron.id}/invitations`, {
      email: 'sam@bron.test',
      displayName: 'Sam Martin',
    });
    sam = await enrolByApi(
      base,
      invitationToken((await smtp.waitForMail('sam@bron.test')).text ?? ''),
      strongPassword('sam'),
    );
    // Sam already has an account: the invitation answers like any other and only sends a link.
    const answer = await platform.client.json('POST', `/structures/${relais.id}/invitations`, {
      email: 'sam@bron.test',
      displayName: 'Sam Martin',
    });
    expect(answer).toEqual({ status: 'invited' });
    const mail = await smtp.waitForMail('sam@bron.test');
    expect(mail.subject).toBe('Invitation à rejoindre Association Le Relais sur Consigne');
    joinToken = invitationToken(mail.text ?? '');

    context = await newDesktopContext(browser, base);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  it('signs in from the link, comes back, joins, and finds the new structure in the menu', async () => {
    await page.goto(`/admin/invitation/${joinToken}`);
    await page.getByRole('heading', { level: 1, name: 'Rejoindre une structure' }).waitFor();
    await page
      .getByText('Vous êtes invité·e à rejoindre Association Le Relais en tant qu’administrateur·rice.')
      .waitFor();
    await expectAccessible(page);
    await screenshot(page, 'backoffice-join-signed-out');
    await page.getByRole('link', { name: 'Me connecter pour accepter' }).click();

    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await page.getByLabel('Adresse e-mail').fill(sam.email);
    await page.getByLabel('Mot de passe').fill(sam.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByLabel('Code à 6 chiffres').fill(await sam.authenticator.code());
    await page.getByRole('button', { name: 'Valider' }).click();

    await page.waitForURL(`**/admin/invitation/${joinToken}`);
    const join = page.getByRole('button', { name: 'Rejoindre Association Le Relais en tant qu’administrateur·rice' });
    await join.waitFor();
    await expectAccessible(page);
    await screenshot(page, 'backoffice-join');
    await join.click();

    await page.waitForURL((url) => !url.pathname.includes('/invitation/'));
    await page.getByText('Association Le Relais · Administrateur·rice').waitFor();
    const me = await sam.client.json<{ memberships: { structureName: string; role: string }[] }>('GET', '/me');
    expect(me.memberships.map((m) => `${m.structureName} ${m.role}`)).toEqual([
      'Association Le Relais admin',
      'CCAS de Bron admin',
    ]);

    // The link is used up.
    await page.goto(`/admin/invitation/${joinToken}`);
    await page.getByRole('heading', { level: 1, name: 'Ce lien ne fonctionne pas' }).waitFor();
  });
});
