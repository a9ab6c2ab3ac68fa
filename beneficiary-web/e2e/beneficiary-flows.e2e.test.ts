/**
 * The beneficiary app on a phone-sized Chromium (390×844, touch) against the real server: set-up
 * through real paths (CLI platform admin, invitations, TOTP, referent API), SMS codes read from
 * the dev outbox. Every screen visited is checked with axe and photographed.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectPageErrors,
  expectAccessible,
  launchBrowser,
  newPhoneContext,
  screenshot,
} from '../../e2e/support/browser.js';
import { consigneApi, type ApiClient } from '../../e2e/support/consigne.js';
import { startServer, type RunningServer } from '../../e2e/support/server.js';

const unzip = promisify(execFile);

/** A photo of one side of a paper, as a phone would take it. */
async function photo(text: string, background: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
    <rect width="100%" height="100%" fill="${background}"/>
    <text x="80" y="420" font-size="120" font-family="sans-serif" fill="#111">${text}</text></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

async function onePagePdf(text: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]).drawText(text, { x: 60, y: 700, size: 24 });
  return Buffer.from(await pdf.save());
}

/** Screenshot + axe (0 serious/critical) of the screen as it is now. */
async function checkScreen(page: Page, name: string, axeResults: string[]): Promise<void> {
  await screenshot(page, `beneficiary-${name}`);
  const results = await expectAccessible(page);
  axeResults.push(
    `${name}: ${results.violations.length} violation(s) below serious, ${results.passes.length} rules passed`,
  );
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
}

describe('beneficiary app on a phone (390×844), real server', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: ReturnType<typeof consigneApi>;
  let referent: ApiClient;
  let platformAdmin: ApiClient;
  let structureName: string;
  const axeResults: string[] = [];

  beforeAll(async () => {
    // A small upload cap, so that "too big" is quick to show.
    server = await startServer({ env: { UPLOAD_MAX_BYTES: String(3 * 1024 * 1024) } });
    browser = await launchBrowser();
    api = consigneApi(server);
    ({ referent, structureName, platformAdmin } = await api.setUpStructureWithReferent({ referentName: 'Marie' }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (axeResults.length) console.log(`axe, every screen:\n  ${axeResults.join('\n  ')}`);
  });

  async function phoneContext(): Promise<BrowserContext> {
    return newPhoneContext(browser, api.baseUrl, { acceptDownloads: true });
  }

  /** Phone → SMS code from the outbox → "my phone": lands on "Mes papiers". */
  async function logIn(page: Page, phone: string, e164: string, options: { check?: boolean } = {}): Promise<void> {
    await page.goto('/');
    await page.getByLabel('Votre numéro de téléphone').fill(phone);
    if (options.check) await checkScreen(page, 'login-phone', axeResults);
    const before = new Date().toISOString();
    await page.getByRole('button', { name: 'Recevoir un code' }).click();
    const codeField = page.getByLabel('Le code reçu par SMS');
    await codeField.waitFor();
    expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await codeField.getAttribute('inputmode')).toBe('numeric');
    if (options.check) await checkScreen(page, 'login-code', axeResults);
    await codeField.fill(await api.latestSmsCode(e164, { after: before }));
    await page.getByRole('button', { name: 'Valider le code' }).click();
    await page.getByRole('heading', { name: 'Ce téléphone est-il à vous ?' }).waitFor();
    if (options.check) await checkScreen(page, 'login-device', axeResults);
    await page.getByRole('button', { name: /Oui, c’est mon téléphone/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes papiers' }).waitFor();
  }

  it('logs in by SMS, adds a two-page paper (one private PDF), shares it with the referent, unshares it, and shows the trace', async () => {
    const beneficiary = await api.createBeneficiary(referent, {
      phone: '06 12 34 56 78',
      firstName: 'Samir',
      lastName: 'Benali',
    });
    const context = await phoneContext();
    try {
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await logIn(page, '06 12 34 56 78', '+33612345678', { check: true });
      await checkScreen(page, 'papers-empty', axeResults);

      // Add a paper: two photos (front, back) from the camera input → one PDF.
      await page.getByRole('link', { name: 'Ajouter un papier' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ajouter un papier' }).waitFor();
      const camera = page.locator('input[type="file"][capture="environment"]');
      expect(await camera.getAttribute('accept')).toBe('image/*');
      await camera.setInputFiles({
        name: 'IMG_0001.jpg',
        mimeType: 'image/jpeg',
        buffer: await photo('RECTO', '#e8f0ff'),
      });
      await camera.setInputFiles({
        name: 'IMG_0002.jpg',
        mimeType: 'image/jpeg',
        buffer: await photo('VERSO', '#fff0e8'),
      });
      await page.getByText('Ces 2 photos formeront un seul PDF.').waitFor();
      await page.getByLabel('Type de papier').selectOption({ label: "Carte nationale d'identité" });
      await page.getByLabel(/Date de fin de validité/).fill('2034-05-01');
      expect(await page.getByRole('radio', { name: /Privé/ }).isChecked()).toBe(true);
      await checkScreen(page, 'add-paper', axeResults);
      await page.getByRole('button', { name: 'Envoyer' }).click();

      await page.getByText('Papier ajouté. Il est privé : vous seul le voyez.').waitFor();
      const documentId = /\/papers\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
      expect(documentId).toBeTruthy();
      await page.getByRole('heading', { level: 1, name: "Carte nationale d'identité" }).waitFor();
      await checkScreen(page, 'paper-private', axeResults);

      // One PDF of two pages, private: the referent cannot even see it.
      const stored = await (await page.request.get(`/api/documents/${documentId}`)).json();
      expect(stored).toMatchObject({ mime: 'application/pdf', pages: 2, visibility: 'private' });
      expect((await referent.request('GET', `/documents/${documentId}/content`)).status).toBe(404);

      // Share it: the referent of the following structure downloads it.
      await page.getByRole('radio', { name: 'Partagé' }).check();
      await page.getByText(`${structureName} peut voir et télécharger ce papier.`).waitFor();
      await checkScreen(page, 'paper-shared', axeResults);
      const download = await referent.request('GET', `/documents/${documentId}/content`);
      expect(download.status).toBe(200);
      const bytes = Buffer.from(await download.arrayBuffer());
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect((await PDFDocument.load(bytes)).getPageCount()).toBe(2);

      // Unshare it: the referent's next request finds nothing.
      await page.getByRole('radio', { name: 'Privé' }).check();
      await page.getByText('Vous seul pouvez voir ce papier.').waitFor();
      await expect
        .poll(async () => (await (await page.request.get(`/api/documents/${documentId}`)).json()) as object)
        .toMatchObject({ visibility: 'private' });
      expect((await referent.request('GET', `/documents/${documentId}/content`)).status).toBe(404);

      // Edit the type's fields.
      await page.getByRole('button', { name: 'Modifier les informations' }).click();
      await page.getByLabel(/^Numéro/).fill('X4RTBPFW4');
      await checkScreen(page, 'paper-edit', axeResults);
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByRole('definition').filter({ hasText: 'X4RTBPFW4' }).waitFor();

      // The list: grouped by theme, expiry badge, the private/shared switch.
      await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Mes papiers' }).click();
      await page.getByRole('heading', { level: 2, name: /Identité/ }).waitFor();
      await page.getByText('Valable jusqu’au 1 mai 2034').waitFor();
      await page.getByLabel('Chercher un papier').fill('identite');
      await page.getByText('Papiers trouvés : 1').waitFor();
      await checkScreen(page, 'papers-list', axeResults);

      // Who saw my papers: the referent's download, in plain words.
      await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Qui a vu' }).click();
      await page.getByRole('heading', { level: 1, name: 'Qui a vu mes papiers' }).waitFor();
      await page
        .getByText(
          new RegExp(`^Marie \\(${structureName}\\) a téléchargé « Carte nationale d'identité » le .+ à \\d+ h`),
        )
        .first()
        .waitFor();
      await checkScreen(page, 'trace', axeResults);

      // My structures: the CCAS follows me.
      await page.getByRole('link', { name: 'Mon compte' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
      await checkScreen(page, 'account', axeResults);
      await page.getByRole('link', { name: /Mes structures/ }).click();
      await page.getByRole('heading', { level: 3, name: structureName }).waitFor();
      await checkScreen(page, 'structures', axeResults);

      // Delete to the trash, then restore.
      await page.goto(`/papers/${documentId}`);
      await page.getByRole('button', { name: 'Supprimer ce papier' }).click();
      await page.getByRole('button', { name: 'Oui, mettre à la corbeille' }).click();
      await page.getByText(/est dans la corbeille/).waitFor();
      await page.getByRole('link', { name: /Corbeille/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Corbeille' }).waitFor();
      await page.getByRole('heading', { level: 2, name: "Carte nationale d'identité" }).waitFor();
      await checkScreen(page, 'trash', axeResults);
      await page.getByRole('button', { name: 'Récupérer' }).click();
      await page.getByText("« Carte nationale d'identité » est revenu dans vos papiers.").waitFor();

      expect(beneficiary.id).toBeTruthy();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says "too many tries" after five wrong codes, and answers an unknown number like a known one', async () => {
    await api.createBeneficiary(referent, { phone: '06 98 76 54 32', firstName: 'Awa', lastName: 'Diallo' });
    const context = await phoneContext();
    try {
      const page = await context.newPage();
      await page.goto('/');
      await page.getByLabel('Votre numéro de téléphone').fill('06 98 76 54 32');
      await page.getByRole('button', { name: 'Recevoir un code' }).click();
      const known = page.getByText('Si ce numéro est inscrit, vous allez recevoir un code par SMS.');
      await known.waitFor();
      const realCode = await api.latestSmsCode('+33698765432');
      const wrong = realCode === '000000' ? '111111' : '000000';

      const codeField = page.getByLabel('Le code reçu par SMS');
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        await codeField.fill(wrong);
        await page.getByRole('button', { name: 'Valider le code' }).click();
        if (attempt === 1) await page.getByRole('button', { name: /Non, téléphone partagé/ }).click();
        if (attempt < 5) {
          await page
            .getByRole('alert')
            .getByText(`Il vous reste ${5 - attempt} essai`)
            .waitFor();
        }
      }
      await page
        .getByRole('alert')
        .getByText('Trop d’essais : ce code ne marche plus. Demandez un nouveau code.')
        .waitFor();
      await checkScreen(page, 'login-too-many-tries', axeResults);

      // Right away, a new code is refused with the wait time from Retry-After.
      await page.getByRole('button', { name: 'Recevoir un nouveau code' }).click();
      await page
        .getByRole('alert')
        .getByText(/Réessayez dans \d+ minute/)
        .waitFor();

      // An unknown number: the same screen and words, and no SMS.
      await page.getByRole('button', { name: 'Changer de numéro' }).click();
      await page.getByLabel('Votre numéro de téléphone').fill('06 45 78 12 90');
      await page.getByRole('button', { name: 'Recevoir un code' }).click();
      await page.getByText('Si ce numéro est inscrit, vous allez recevoir un code par SMS.').waitFor();
      await page.getByLabel('Le code reçu par SMS').waitFor();
      expect(await page.getByRole('alert').count()).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await api.outbox({ to: '+33645781290' })).toEqual([]);

      // The emergency-card path is one tap away.
      await page.getByRole('button', { name: 'J’ai ma carte d’urgence' }).click();
      await page.getByRole('heading', { level: 1, name: 'Carte d’urgence' }).waitFor();
      await checkScreen(page, 'login-recovery', axeResults);
      await page.getByLabel('Un code de la carte').fill('WRONG-CODE');
      await page.getByRole('button', { name: 'Me connecter' }).click();
      await page.getByRole('alert').getByText('Ce numéro et ce code ne correspondent pas.', { exact: false }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('exports everything as a ZIP whose manifest lists every paper; prints the emergency card; lists the devices', async () => {
    await api.createBeneficiary(referent, { phone: '07 81 23 45 67', firstName: 'Olena', lastName: 'Kovalenko' });
    const context = await phoneContext();
    const dir = await mkdtemp(join(tmpdir(), 'consigne-export-'));
    try {
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await logIn(page, '07 81 23 45 67', '+33781234567');

      // Refusals show the server's French words: wrong type, too big.
      await page.goto('/papers/new');
      const picker = page.locator('input[type="file"]:not([capture])');
      await picker.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('pas un papier') });
      await page.getByRole('button', { name: 'Envoyer' }).click();
      await page.getByRole('alert').getByText("Ce type de fichier n'est pas accepté.", { exact: false }).waitFor();
      await picker.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: randomBytes(3_500_000) });
      await page.getByRole('button', { name: 'Envoyer' }).click();
      await page.getByRole('alert').getByText('Ce fichier est trop lourd : 3 Mo au plus', { exact: false }).waitFor();
      await checkScreen(page, 'add-paper-error', axeResults);

      // A connection that drops during the first try: the app tries again by itself.
      // The second try waits until the screen has said it is trying again.
      let dropped = false;
      let releaseRetry = () => {};
      const retryHeld = new Promise<void>((resolve) => (releaseRetry = resolve));
      await page.route('**/api/documents', async (route) => {
        if (route.request().method() !== 'POST') return route.fallback();
        if (!dropped) {
          dropped = true;
          return route.abort('connectionreset');
        }
        await retryHeld;
        return route.fallback();
      });

      // Two papers: a PDF picked from the phone, and one photo.
      const ids: string[] = [];
      for (const file of [
        { name: 'attestation-caf.pdf', mimeType: 'application/pdf', buffer: await onePagePdf('Attestation CAF') },
        { name: 'ordonnance.jpg', mimeType: 'image/jpeg', buffer: await photo('ORDONNANCE', '#eefbea') },
      ]) {
        await page.goto('/papers/new');
        await page.getByRole('heading', { level: 1, name: 'Ajouter un papier' }).waitFor();
        await page.locator('input[type="file"]:not([capture])').setInputFiles(file);
        await page.getByRole('button', { name: 'Envoyer' }).click();
        if (ids.length === 0) {
          await page.getByText('La connexion a coupé. Nouvel essai (2e essai)…').first().waitFor();
          releaseRetry();
        }
        await page.getByText('Papier ajouté.', { exact: false }).waitFor();
        ids.push(/\/papers\/([0-9a-f-]{36})$/.exec(page.url())![1]!);
      }

      await page.goto('/devices');
      await page.getByRole('heading', { level: 1, name: 'Mes appareils' }).waitFor();
      await page.getByText('Cet appareil').waitFor();
      await checkScreen(page, 'devices', axeResults);

      const [zip] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Télécharger tout (ZIP)' }).click(),
      ]);
      const zipPath = join(dir, 'export.zip');
      await zip.saveAs(zipPath);
      const { stdout } = await unzip('unzip', ['-p', zipPath, 'manifest.json']);
      const manifest = JSON.parse(stdout) as { documents: { id: string; title: string }[] };
      expect(manifest.documents.map((d) => d.id).sort()).toEqual([...ids].sort());
      expect(dropped).toBe(true);

      await page.getByRole('button', { name: 'Avoir une nouvelle carte' }).click();
      const [card] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: /Oui, télécharger la nouvelle carte/ }).click(),
      ]);
      const cardPath = join(dir, 'card.pdf');
      await card.saveAs(cardPath);
      expect((await readFile(cardPath)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await page.getByText('Votre nouvelle carte est téléchargée.', { exact: false }).waitFor();

      // Offline reading (own phone): the list and thumbnails come from the service worker; the
      // documents themselves only when the person asked to keep one.
      await page.goto(`/papers/${ids[0]}`);
      await page.getByRole('button', { name: 'Garder sur ce téléphone' }).click();
      await page.getByText('Ce papier est gardé sur ce téléphone : il s’ouvre sans internet.').waitFor();
      await page.goto('/');
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.reload(); // now under the service worker's control: the list and thumbnails get kept
      await page
        .getByRole('heading', { level: 2, name: /Ressources et CAF|Autres papiers/ })
        .first()
        .waitFor();
      await expect
        .poll(() => page.evaluate(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0)))
        .toBe(true);
      // The refused uploads (415, 413) and the dropped connection are logged by Chromium, as expected.
      expect(errors.filter((e) => !/status of 41[35]|ERR_CONNECTION_RESET|ERR_FAILED/.test(e))).toEqual([]);

      await context.setOffline(true);
      await page.reload();
      await page.getByText('Pas d’internet. Vous voyez la liste gardée sur ce téléphone.').waitFor();
      await page.getByRole('link', { name: 'attestation-caf' }).waitFor();
      await page.getByRole('link', { name: 'ordonnance' }).waitFor();
      await expect
        .poll(() => page.evaluate(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0)))
        .toBe(true);
      await screenshot(page, 'beneficiary-papers-offline');
      const contentStatus = (id: string) =>
        page.evaluate(
          (url) =>
            fetch(url).then(
              (r) => r.status,
              () => 0,
            ),
          `/api/documents/${id}/content`,
        );
      expect(await contentStatus(ids[0]!)).toBe(200); // kept on request
      expect(await contentStatus(ids[1]!)).toBe(0); // never cached by itself
      await context.setOffline(false);
    } finally {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('lets the person accept a structure that asks to follow them, then stop it; works in English and right-to-left', async () => {
    const beneficiary = await api.createBeneficiary(referent, {
      phone: '06 71 22 33 44',
      firstName: 'Nour',
      lastName: 'Haddad',
    });
    // A second structure finds the same person (same phone) and asks to follow them in the app.
    const other = await api.setUpStructureWithReferent({
      structureName: 'Association Solidarité',
      referentName: 'Karim',
      platformAdmin,
    });
    const duplicate = await other.referent.request('POST', '/beneficiaries', {
      firstName: 'Nour',
      lastName: 'Haddad',
      birthDate: '1990-01-01',
      phone: '06 71 22 33 44',
    });
    expect(duplicate.status).toBe(409);
    const { matchId } = (await duplicate.json()) as { matchId: string };
    await other.referent.json('POST', '/beneficiaries/follow-requests', { beneficiaryId: matchId, channel: 'app' });

    const context = await phoneContext();
    try {
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await logIn(page, '06 71 22 33 44', '+33671223344');
      await page.getByRole('link', { name: 'Mon compte' }).click();
      await page.getByRole('link', { name: /Mes structures/ }).click();
      await page.getByText('Association Solidarité demande à vous suivre.').waitFor();
      await checkScreen(page, 'structures-request', axeResults);
      await page.getByRole('button', { name: 'Accepter' }).click();
      await page.getByText('Association Solidarité vous suit maintenant.').waitFor();
      expect((await other.referent.request('GET', `/beneficiaries/${beneficiary.id}`)).status).toBe(200);

      await page.getByRole('button', { name: 'Ne plus être suivi par Association Solidarité' }).click();
      await page.getByRole('button', { name: 'Oui, arrêter' }).click();
      await page.getByText('Association Solidarité ne vous suit plus.', { exact: false }).waitFor();
      expect((await other.referent.request('GET', `/beneficiaries/${beneficiary.id}`)).status).toBe(404);
      await page.getByRole('heading', { level: 3, name: structureName }).waitFor();

      // English second; the layout mirrors itself for right-to-left languages.
      await page.getByLabel('Langue').selectOption('en');
      await page.getByRole('heading', { level: 1, name: 'My organisations' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
      await checkScreen(page, 'structures-rtl', axeResults);
      const nav = await page.getByRole('navigation').boundingBox();
      const firstTab = await page.getByRole('navigation').getByRole('link').first().boundingBox();
      expect(firstTab!.x).toBeGreaterThan(nav!.x + nav!.width / 2); // "My papers" now on the right
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
