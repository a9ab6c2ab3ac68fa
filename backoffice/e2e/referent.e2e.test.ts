/**
 * A referent's day at the desk, in Chromium against the real server (embedded SQLite, dev outbox):
 * sign in with TOTP, open a vault (welcome SMS), look at a person's shared papers (never the private
 * ones), preview and download one byte for byte, deposit a letter with the upload progress bar.
 * Accounts are made through real paths: the operator CLI, invitations, the beneficiary's SMS login.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectPageErrors,
  expectAccessible,
  launchBrowser,
  newDesktopContext,
  screenshot,
} from '../../e2e/support/browser.js';
import {
  beneficiaryLogin,
  createPlatformAdminByCli,
  enrolByApi,
  invitationToken,
  strongPassword,
  waitForOutbox,
  type EnrolledStaff,
} from '../../e2e/support/consigne.js';
import { startServer, type RunningServer } from '../../e2e/support/server.js';

async function pdfWith(text: string, pages = 1): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n += 1) {
    const page = pdf.addPage([595, 842]);
    page.drawText(n === 1 ? text : `${text} (page ${n})`, { x: 60, y: 760, size: 22, font });
    for (let line = 0; line < 40; line += 1)
      page.drawText(`Ligne ${line} `.repeat(8), { x: 40, y: 700 - line * 16, size: 9, font });
  }
  return pdf.save({ useObjectStreams: false });
}

/** Waits for MUI's fade-in, so axe measures the dialog's real colours, not a half-transparent frame. */
const dialogSettled = (page: Page) =>
  page.waitForFunction(() =>
    [...document.querySelectorAll('.MuiDialog-root .MuiDialog-container, .MuiDialog-root .MuiBackdrop-root')].every(
      (el) => getComputedStyle(el).opacity === '1',
    ),
  );

describe('referent in the back-office (1280×800)', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let referent: EnrolledStaff;
  let structureId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const base = server.baseUrl;

    // Operator CLI → platform admin → a CCAS → its admin → a referent, each through their invitation.
    const platform = await enrolByApi(
      base,
      await createPlatformAdminByCli(server, 'ops@consigne.test'),
      strongPassword('ops'),
    );
    const structure = await platform.client.json('POST', '/structures', { name: 'CCAS de Villeurbanne', kind: 'ccas' });
    structureId = structure.id;
    await platform.client.json('POST', `/structures/${structureId}/invitations`, {
      email: 'admin@ccas.test',
      displayName: 'Awa Diallo',
    });
    const adminMail = await waitForOutbox(base, { to: 'admin@ccas.test', channel: 'email' });
    const admin = await enrolByApi(base, invitationToken(adminMail.text), strongPassword('awa'));
    admin.client.structureId = structureId;
    await admin.client.json('POST', '/staff/invitations', {
      email: 'referent@ccas.test',
      displayName: 'Rémi Martin',
      role: 'referent',
    });
    const referentMail = await waitForOutbox(base, { to: 'referent@ccas.test', channel: 'email' });
    referent = await enrolByApi(base, invitationToken(referentMail.text), strongPassword('rémi'));
    referent.client.structureId = structureId;

    context = await newDesktopContext(browser, base, { acceptDownloads: true });
    page = await context.newPage();
    errors = collectPageErrors(page);
  });

  afterAll(async () => {
    if (process.env.E2E_DEBUG)
      console.log(
        server
          ?.output()
          .split('\n')
          .filter((l) => /"level":(40|50)/.test(l))
          .join('\n'),
      );
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('signs in with e-mail, password and TOTP, then opens a vault; the welcome SMS leaves', async () => {
    await page.goto('/admin/beneficiaries');
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await page.getByLabel('Adresse e-mail').fill(referent.email);
    await page.getByLabel('Mot de passe').fill(referent.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();

    await page.getByRole('heading', { level: 1, name: 'Code de vérification' }).waitFor();
    await screenshot(page, 'backoffice-login-code');
    await expectAccessible(page);
    await page.getByLabel('Code à 6 chiffres').fill(await referent.authenticator.code());
    await page.getByRole('button', { name: 'Valider' }).click();

    // Back where the visit started, acting for the CCAS.
    await page.waitForURL('**/admin/beneficiaries');
    await page.getByText('CCAS de Villeurbanne · Référent·e').waitFor();
    await page.getByText('Aucun résultat').or(page.getByText('Pas encore de')).first().waitFor();
    await screenshot(page, 'backoffice-beneficiaries-empty');

    await page.getByRole('link', { name: 'Ouvrir un coffre-fort' }).click();
    await page.getByLabel('Nom *', { exact: true }).fill('Benali');
    await page.getByLabel('Prénom *', { exact: true }).fill('Samira');
    await page.getByLabel('Date de naissance *', { exact: true }).fill('1984-03-12');
    await page.getByLabel('Téléphone portable *', { exact: true }).fill('06 12 34 56 78');
    await screenshot(page, 'backoffice-beneficiary-create');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Enregistrer' }).click();

    await page.getByText('Coffre-fort ouvert. Le SMS de bienvenue est parti.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Samira Benali' }).waitFor();
    expect(page.url()).toMatch(/\/admin\/beneficiaries\/[0-9a-f-]{36}\/show$/);

    const sms = await waitForOutbox(server.baseUrl, { to: '+33612345678', channel: 'sms' });
    expect(sms.text).toContain('coffre-fort numérique est ouvert');
    expect(sms.text).not.toContain('Samira');
  });

  it('finds people by name, phone and status, and warns before creating a duplicate', async () => {
    await page.goto('/admin/beneficiaries');
    await page.getByRole('cell', { name: 'Benali' }).waitFor();
    await page.getByPlaceholder('Nom ou téléphone').fill('0612 34');
    await page.getByRole('cell', { name: 'Benali' }).waitFor();
    await screenshot(page, 'backoffice-beneficiaries-list');
    await expectAccessible(page);
    await page.getByPlaceholder('Nom ou téléphone').fill('Dupont');
    await page.getByText('Aucun résultat').waitFor();

    await page.goto('/admin/beneficiaries/create');
    await page.getByLabel('Nom *', { exact: true }).fill('Benali');
    await page.getByLabel('Prénom *', { exact: true }).fill('Samira');
    await page.getByLabel('Date de naissance *', { exact: true }).fill('1984-03-12');
    await page.getByLabel('Téléphone portable *', { exact: true }).fill('0612345678');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ce coffre-fort existe peut-être déjà' });
    await dialog.waitFor();
    await dialog.getByText('Un compte existe déjà avec ce numéro de téléphone.').waitFor();
    // The form underneath (already checked) is dimmed by the modal's backdrop: check the dialog.
    await dialogSettled(page);
    await expectAccessible(page, { include: ['[role="dialog"]'] });
    await dialog.getByRole('button', { name: 'Ouvrir son dossier' }).click();
    await page.getByRole('heading', { level: 1, name: 'Samira Benali' }).waitFor();
  });

  it('shows only the shared paper of a person, previews it and downloads it byte for byte', async () => {
    const base = server.baseUrl;
    const person = await referent.client.json('POST', '/beneficiaries', {
      firstName: 'Jean',
      lastName: 'Moreau',
      birthDate: '1971-11-02',
      phone: '07 98 76 54 32',
    });
    const vault = await beneficiaryLogin(base, '+33798765432');
    const sharedPdf = await pdfWith('Attestation CAF - Jean Moreau');
    const privatePdf = await pdfWith('Lettre personnelle');
    const upload = async (title: string, bytes: Uint8Array) => {
      const form = new FormData();
      form.append('title', title);
      form.append('files', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), `${title}.pdf`);
      return vault.json<{ id: string }>('POST', '/documents', form);
    };
    const shared = await upload('Attestation CAF mars', sharedPdf);
    await upload('Lettre personnelle', privatePdf);
    await vault.json('PUT', `/documents/${shared.id}/visibility`, { visibility: 'shared' });

    await page.goto(`/admin/beneficiaries/${person.id}/show`);
    await page.getByRole('heading', { level: 1, name: 'Jean Moreau' }).waitFor();
    const grid = page.getByRole('list', { name: 'Papiers partagés' });
    await grid.getByRole('heading', { name: 'Attestation CAF mars' }).waitFor();
    expect(await grid.getByTestId('document-card').count()).toBe(1);
    expect(await page.content()).not.toContain('Lettre personnelle');
    // The thumbnail is loaded through the API (X-Structure-Id) as a blob: URL.
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="document-card"] img')?.getAttribute('src')?.startsWith('blob:'),
    );
    await screenshot(page, 'backoffice-beneficiary-show');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Aperçu de « Attestation CAF mars »' }).click();
    const preview = page.getByRole('dialog', { name: 'Attestation CAF mars' });
    await preview.locator('iframe[src^="blob:"]').waitFor();
    await screenshot(page, 'backoffice-document-preview', { fullPage: false });
    await preview.getByRole('button', { name: 'Fermer' }).click();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger « Attestation CAF mars »' }).click(),
    ]);
    const bytes = await readFile(await download.path());
    expect(Buffer.compare(bytes, Buffer.from(sharedPdf))).toBe(0);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  });

  it('deposits a letter into the vault with an upload progress bar', async () => {
    await page.getByRole('button', { name: 'Déposer un document' }).click();
    const dialog = page.getByRole('dialog', { name: 'Déposer un document dans son coffre-fort' });
    await dialog.waitFor();
    const letter = await pdfWith('Courrier du CCAS : rendez-vous le 12 mai', 20);
    await dialog
      .getByTestId('deposit-file')
      .setInputFiles({ name: 'courrier-ccas.pdf', mimeType: 'application/pdf', buffer: Buffer.from(letter) });
    await dialog.getByLabel('Titre du document *').fill('Courrier rendez-vous CCAS');
    await dialogSettled(page);
    await screenshot(page, 'backoffice-deposit', { fullPage: false });
    await expectAccessible(page, { include: ['[role="dialog"]'] });

    // Slow the network down so the progress bar is seen moving (Chrome DevTools Protocol).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: 5_000_000,
      uploadThroughput: 200_000,
    });
    await dialog.getByRole('button', { name: 'Déposer', exact: true }).click();
    await dialog.getByTestId('deposit-progress').waitFor();
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="deposit-progress"]')?.getAttribute('aria-valuenow')) >= 20,
    );
    await screenshot(page, 'backoffice-deposit-progress', { fullPage: false });
    await page.getByText('Document déposé dans le coffre-fort.').waitFor({ timeout: 20_000 });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await cdp.detach();

    const grid = page.getByRole('list', { name: 'Papiers partagés' });
    await grid.getByRole('heading', { name: 'Courrier rendez-vous CCAS' }).waitFor();
    expect(await grid.getByTestId('document-card').count()).toBe(2);
    // Failed requests the app handles (401 before signing in, 409 duplicate) are logged by Chromium.
    expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  });
});
