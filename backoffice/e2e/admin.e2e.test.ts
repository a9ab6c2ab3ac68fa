/**
 * Managing a structure and the platform, in Chromium against the real server, with mail going
 * over real SMTP to a catcher on loopback: a structure admin invites a referent from the
 * back-office; the invitee enrols from the mail's link (password, authenticator app, recovery
 * codes); the admin deactivates them and their open session is sent to the login page. Also the
 * admin's and the platform admin's main screens, each checked with axe and photographed.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCatcher, type SmtpCatcher } from '../../server/test/support/smtp-catcher.js';
import { expectAccessible, launchBrowser, newDesktopContext, screenshot } from '../../e2e/support/browser.js';
import {
  Authenticator,
  createPlatformAdminByCli,
  enrolByApi,
  invitationToken,
  strongPassword,
  type EnrolledStaff,
} from '../../e2e/support/consigne.js';
import { startServer, type RunningServer } from '../../e2e/support/server.js';

async function signIn(page: Page, who: { email: string; password: string; authenticator: Authenticator }) {
  await page.goto('/admin/login');
  await page.getByLabel('Adresse e-mail').fill(who.email);
  await page.getByLabel('Mot de passe').fill(who.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByLabel('Code à 6 chiffres').fill(await who.authenticator.code());
  await page.getByRole('button', { name: 'Valider' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
}

describe('structure admin and platform admin (1280×800, mail over SMTP)', () => {
  let smtp: SmtpCatcher;
  let server: RunningServer;
  let browser: Browser;
  let platform: EnrolledStaff;
  let admin: EnrolledStaff;
  let adminContext: BrowserContext;
  let adminPage: Page;
  let inviteeContext: BrowserContext;
  let inviteePage: Page;

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    [server, browser] = await Promise.all([startServer({ env: { SMTP_URL: smtp.url } }), launchBrowser()]);
    const base = server.baseUrl;
    platform = await enrolByApi(
      base,
      await createPlatformAdminByCli(server, 'ops@consigne.test'),
      strongPassword('ops'),
    );
    const structure = await platform.client.json('POST', '/structures', {
      name: 'Association Le Relais',
      kind: 'association',
      contactEmail: 'accueil@relais.test',
    });
    await platform.client.json('POST', `/structures/${structure.id}/invitations`, {
      email: 'direction@relais.test',
      displayName: 'Claire Petit',
    });
    const mail = await smtp.waitForMail('direction@relais.test');
    admin = await enrolByApi(base, invitationToken(mail.text ?? mail.raw), strongPassword('claire'));

    adminContext = await newDesktopContext(browser, base);
    adminPage = await adminContext.newPage();
    inviteeContext = await newDesktopContext(browser, base);
    inviteePage = await inviteeContext.newPage();
  });

  afterAll(async () => {
    await adminContext?.close();
    await inviteeContext?.close();
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  it('invites a referent, who enrols from the mail and is sent to login once deactivated', async () => {
    await signIn(adminPage, admin);
    await adminPage.getByRole('menuitem', { name: 'Équipe' }).click();
    await adminPage.getByRole('cell', { name: 'Claire Petit' }).waitFor();
    await adminPage.getByRole('link', { name: 'Inviter une personne' }).click();
    await adminPage.getByLabel('Nom *', { exact: true }).fill('Karim Haddad');
    await adminPage.getByLabel('Adresse e-mail *').fill('karim@relais.test');
    await screenshot(adminPage, 'backoffice-staff-invite');
    await expectAccessible(adminPage);
    await adminPage.getByRole('button', { name: 'Enregistrer' }).click();
    await adminPage.getByText('Invitation envoyée à karim@relais.test.').waitFor();
    await adminPage.getByRole('cell', { name: 'Karim Haddad' }).waitFor();
    await screenshot(adminPage, 'backoffice-staff-list');
    await expectAccessible(adminPage);

    // The invitation arrives over SMTP; the invitee follows its link.
    const mail = await smtp.waitForMail('karim@relais.test');
    await inviteePage.goto(`/admin/invitation/${invitationToken(mail.text ?? mail.raw)}`);
    await inviteePage.getByRole('heading', { level: 1, name: 'Activer votre compte' }).waitFor();
    await inviteePage.getByText('rejoindre Association Le Relais').waitFor();
    await inviteePage.getByLabel('Nouveau mot de passe *').fill('trop court');
    expect(await inviteePage.getByRole('button', { name: 'Continuer' }).isDisabled()).toBe(true);
    const password = strongPassword('karim');
    await inviteePage.getByLabel('Nouveau mot de passe *').fill(password);
    await inviteePage.getByLabel('Le même mot de passe, encore une fois *').fill(password);
    await screenshot(inviteePage, 'backoffice-enrolment-password');
    await expectAccessible(inviteePage);
    await inviteePage.getByRole('button', { name: 'Continuer' }).click();

    await inviteePage.getByRole('heading', { level: 1, name: /Reliez votre application/ }).waitFor();
    await inviteePage.getByRole('img', { name: /QR code/ }).waitFor();
    const authenticator = new Authenticator((await inviteePage.getByTestId('totp-secret').textContent()) ?? '');
    await screenshot(inviteePage, 'backoffice-enrolment-totp');
    await expectAccessible(inviteePage);
    await inviteePage.getByLabel('Code à 6 chiffres').fill(await authenticator.code());
    await inviteePage.getByRole('button', { name: 'Valider le code' }).click();

    await inviteePage.getByRole('heading', { level: 1, name: /codes de secours/ }).waitFor();
    const codes = inviteePage.getByTestId('recovery-codes').getByRole('listitem');
    expect(await codes.count()).toBe(10);
    await screenshot(inviteePage, 'backoffice-enrolment-recovery-codes');
    await expectAccessible(inviteePage);
    expect(await inviteePage.getByRole('button', { name: 'Accéder à l’espace professionnel' }).isDisabled()).toBe(true);
    await inviteePage.getByLabel('J’ai mis mes codes de secours en lieu sûr').check();
    await inviteePage.getByRole('button', { name: 'Accéder à l’espace professionnel' }).click();
    await inviteePage.waitForURL('**/admin/beneficiaries');
    await inviteePage.getByText('Association Le Relais · Référent·e').waitFor();

    // The admin deactivates the new referent…
    await adminPage.reload();
    const row = adminPage.getByRole('row', { name: /Karim Haddad/ });
    await row.getByRole('button', { name: 'Désactiver' }).click();
    await adminPage.getByRole('dialog').getByRole('button', { name: 'Confirmer' }).click();
    await adminPage.getByText('Karim Haddad est désactivé·e et déconnecté·e.').waitFor();
    await row.getByText('Désactivé', { exact: true }).waitFor();

    // …and the referent's open page notices when the tab is looked at again.
    await inviteePage.evaluate(() => window.dispatchEvent(new Event('focus')));
    await inviteePage.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    expect(new URL(inviteePage.url()).pathname).toBe('/admin/login');
    await inviteePage.getByText('Votre session a pris fin').waitFor();
    await screenshot(inviteePage, 'backoffice-session-ended');
  });

  it('shows the structure settings and the audit trail, filtered by action', async () => {
    await adminPage.getByRole('menuitem', { name: 'Réglages' }).click();
    const phone = adminPage.getByLabel('Téléphone de contact');
    await phone.fill('04 78 00 00 00');
    await adminPage.getByRole('button', { name: 'Enregistrer' }).click();
    await adminPage.getByText('Réglages enregistrés.').waitFor();
    await screenshot(adminPage, 'backoffice-structure-settings');
    await expectAccessible(adminPage);

    await adminPage.getByRole('menuitem', { name: 'Journal' }).click();
    await adminPage.getByRole('cell', { name: 'Membre désactivé' }).waitFor();
    await adminPage.getByRole('combobox', { name: 'Action' }).click();
    await adminPage.getByRole('option', { name: 'Invitation envoyée' }).click();
    await adminPage.locator('[role="listbox"]').waitFor({ state: 'detached' });
    await adminPage.getByRole('cell', { name: 'Invitation envoyée' }).first().waitFor();
    await expect.poll(() => adminPage.getByRole('cell', { name: 'Membre désactivé' }).count()).toBe(0);
    await screenshot(adminPage, 'backoffice-audit-trail');
    await expectAccessible(adminPage);
  });

  it('lets the platform admin manage structures and the document-type referential', async () => {
    const context = await newDesktopContext(browser, server.baseUrl);
    try {
      const page = await context.newPage();
      await signIn(page, platform);
      await page.waitForURL('**/admin/structures');
      await page.getByRole('cell', { name: 'Association Le Relais' }).waitFor();
      await screenshot(page, 'backoffice-structures-list');
      await expectAccessible(page);

      await page.getByRole('link', { name: 'Créer' }).click();
      await page.getByLabel('Nom *', { exact: true }).fill('CCAS de Vénissieux');
      await page.getByRole('combobox', { name: 'Type' }).click();
      await page.getByRole('option', { name: 'CCAS' }).click();
      await page.locator('[role="listbox"]').waitFor({ state: 'detached' }); // menu faded out
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByText('CCAS de Vénissieux').first().waitFor();
      await page.getByRole('button', { name: 'Inviter un·e administrateur·rice' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Nom *').fill('Paul Roux');
      await dialog.getByLabel('Adresse e-mail *').fill('paul@venissieux.test');
      await dialog.getByRole('button', { name: 'Envoyer l’invitation' }).click();
      await page.getByText('Invitation envoyée à paul@venissieux.test.').waitFor();
      expect((await smtp.waitForMail('paul@venissieux.test')).subject).toBeTruthy();
      await screenshot(page, 'backoffice-structure-show');

      await page.getByRole('button', { name: 'Archiver' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Confirmer' }).click();
      await page.getByText('Cette structure est archivée').waitFor();

      await page.getByRole('menuitem', { name: 'Types de papiers' }).click();
      await page.getByRole('cell', { name: 'Passeport' }).waitFor();
      await screenshot(page, 'backoffice-document-types');
      await expectAccessible(page);
      await page.getByRole('cell', { name: 'Passeport' }).click();
      await page.waitForURL(/\/admin\/document-types\/[0-9a-f-]{36}$/);
      await page.getByRole('spinbutton', { name: 'Validité habituelle (mois)' }).fill('120');
      await page.getByRole('spinbutton', { name: 'Conservation (mois)' }).fill('');
      await screenshot(page, 'backoffice-document-type-edit');
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByRole('cell', { name: 'Passeport' }).waitFor();
      const types = await platform.client.json('GET', '/document-types');
      const passport = types.data.find((t: { code: string }) => t.code === 'passeport');
      expect(passport.validityMonths).toBe(120);
      expect(passport.retentionMonths).toBeNull();
    } finally {
      await context.close();
    }
  });
});
