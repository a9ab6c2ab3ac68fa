import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { settleBackground } from '../auth/background.js';
import { SessionEntity } from '../auth/session.entity.js';
import { BeneficiaryLoginFailureEntity, SmsDailyCounterEntity } from '../auth/sms-login.entity.js';
import { MINUTE } from '../shared/clock.js';
import type { FakeTwilio } from '../../test/support/fake-twilio.js';
import { makeBeneficiary, makeStaff, makeStructure, signIn } from '../../test/support/factories.js';
import { type TestContext } from '../../test/support/test-context.js';
import { EmergencyCodeEntity } from './beneficiary-account.entity.js';
import { BeneficiaryEntity } from './beneficiary.entity.js';
import {
  anonymousClient,
  freshPhone,
  makeReferent,
  requestCode,
  smsLogin,
  twilioTestContext,
} from './test-support/accounts.js';

let fake: FakeTwilio;
let ctx: TestContext;

const env = twilioTestContext();
beforeAll(() => ({ ctx, fake } = env));

const smsTo = (phone: string) => fake.messages.filter((m) => m.to === phone);
const events = (where: Partial<Record<'action' | 'beneficiaryId', string>>) =>
  ctx.deps.db.getRepository(AuditEventEntity).find({ where, order: { seq: 'ASC' } });

let people = 0;
const person = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Karim',
  lastName: `Benali${++people}`,
  birthDate: '1975-11-02',
  phone: freshPhone(),
  ...overrides,
});

describe('createBeneficiary', () => {
  it('normalises the phone, makes the creating structure follow, audits, and sends the welcome SMS', async () => {
    const structure = await makeStructure(ctx);
    const { agent, staff } = await makeReferent(ctx, structure);
    const input = person({ phone: '07 56 00 11 22', email: 'Karim@Example.org', locale: 'en' });
    const res = await agent.post('/api/beneficiaries').send(input);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      phone: '+33756001122',
      email: 'karim@example.org',
      locale: 'en',
      locked: false,
      welcomeSmsSent: true,
    });
    const shown = await agent.get(`/api/beneficiaries/${res.body.id}`);
    expect(shown.body.follows).toEqual([
      expect.objectContaining({ structureId: structure.id, status: 'active', consentChannel: 'creation', yours: true }),
    ]);
    const [created] = await events({ action: 'beneficiary.created', beneficiaryId: res.body.id });
    expect(created).toMatchObject({ actorId: staff.id, structureId: structure.id });
    expect(smsTo('+33756001122')[0]!.body).toBe(
      'Consigne: your digital vault is open. Log in with this phone number at http://consigne.test/',
    );
  });

  it.each([
    ['a landline', { phone: '01 45 67 89 01' }, 'not_french_mobile'],
    ['a birth date in the future', { birthDate: '2030-01-01' }, 'implausible_birth_date'],
    ['an impossible date', { birthDate: '1990-02-30' }, 'validation_failed'],
    ['a date before 1900', { birthDate: '1899-12-31' }, 'validation_failed'],
    ['an empty name', { firstName: '  ' }, 'validation_failed'],
    ['a structureId (AUTHZ-7)', { structureId: '6f1c1d1e-8a51-4b9b-9d43-3c0f2b0d9a11' }, 'validation_failed'],
  ])('refuses %s with 400 and sends nothing', async (_what, overrides, code) => {
    const structure = await makeStructure(ctx);
    const { agent } = await makeReferent(ctx, structure);
    const before = fake.messages.length;
    const res = await agent.post('/api/beneficiaries').send(person(overrides));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
    expect(typeof res.body.title).toBe('string');
    expect(fake.messages.length).toBe(before);
  });

  describe('possible duplicates', () => {
    it('gives the id when the structure already follows the person (same phone)', async () => {
      const structure = await makeStructure(ctx);
      const { agent } = await makeReferent(ctx, structure);
      const existing = await makeBeneficiary(ctx, { followedBy: [structure], overrides: { phone: freshPhone() } });
      const res = await agent.post('/api/beneficiaries').send(person({ phone: existing.phone }));
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'possible_duplicate', matchedOn: 'phone', beneficiaryId: existing.id });
      expect(res.body.title).toMatch(/suivi par votre structure/);
      expect(res.body.matchId).toBeUndefined();
    });

    it('gives another structure only what it needs to ask to follow, never the identity', async () => {
      const [a, b] = await Promise.all([makeStructure(ctx), makeStructure(ctx)]);
      const { agent } = await makeReferent(ctx, b);
      const existing = await makeBeneficiary(ctx, {
        followedBy: [a],
        overrides: { phone: freshPhone(), firstName: 'Élodie', lastName: 'Lefèvre', birthDate: '1990-06-15' },
      });
      const res = await agent
        .post('/api/beneficiaries')
        .send(person({ phone: existing.phone, firstName: 'X', lastName: 'Y' }));
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'possible_duplicate', canRequestFollow: true, matchId: existing.id });
      expect(res.body.beneficiaryId).toBeUndefined();
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/Élodie|Lefèvre|1990-06-15/);
      expect(text).not.toContain(a.id);
      expect(await ctx.deps.db.getRepository(BeneficiaryEntity).countBy({ phone: existing.phone })).toBe(1);
    });

    it('matches names case- and accent-insensitively with the same birth date, unless the referent confirms', async () => {
      const structure = await makeStructure(ctx);
      const { agent } = await makeReferent(ctx, structure);
      const existing = await makeBeneficiary(ctx, {
        followedBy: [structure],
        overrides: { phone: freshPhone(), firstName: 'Hélène', lastName: "D'Arc-Éluard", birthDate: '1968-01-31' },
      });
      const twin = person({ firstName: 'helene', lastName: "d'arc eluard", birthDate: '1968-01-31' });
      const res = await agent.post('/api/beneficiaries').send(twin);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ matchedOn: 'identity', beneficiaryId: existing.id });
      const other = await agent.post('/api/beneficiaries').send({ ...twin, birthDate: '1968-02-01' });
      expect(other.status).toBe(201);
      const confirmed = await agent
        .post('/api/beneficiaries')
        .send({ ...twin, phone: freshPhone(), confirmNotDuplicate: true });
      expect(confirmed.status).toBe(201);
    });

    it('never lets confirmNotDuplicate reuse a phone number', async () => {
      const structure = await makeStructure(ctx);
      const { agent } = await makeReferent(ctx, structure);
      const existing = await makeBeneficiary(ctx, { followedBy: [structure], overrides: { phone: freshPhone() } });
      const res = await agent
        .post('/api/beneficiaries')
        .send(person({ phone: existing.phone, confirmNotDuplicate: true }));
      expect(res.status).toBe(409);
    });
  });

  it('still creates the vault when the welcome SMS cannot leave, and says so', async () => {
    const structure = await makeStructure(ctx);
    const { agent } = await makeReferent(ctx, structure);
    fake.failNext(503);
    const res = await agent.post('/api/beneficiaries').send(person());
    expect(res.status).toBe(201);
    expect(res.body.welcomeSmsSent).toBe(false);
  });
});

describe('listBeneficiaries, getBeneficiary, updateBeneficiary', () => {
  it('lists only the beneficiaries the structure actively follows, with search, filters and pages', async () => {
    const [a, b] = await Promise.all([makeStructure(ctx), makeStructure(ctx)]);
    const { agent } = await makeReferent(ctx, a);
    const mk = (overrides: Record<string, unknown>, followedBy = [a]) =>
      makeBeneficiary(ctx, { followedBy, overrides: { phone: freshPhone(), ...overrides } });
    const zoe = await mk({ firstName: 'Zoé', lastName: 'Abadie', birthDate: '2001-01-01' });
    const marc = await mk({ firstName: 'Marc', lastName: 'Bernard', birthDate: '1960-05-05' });
    const locked = await mk({
      firstName: 'Lou',
      lastName: 'Carpentier',
      lockedAt: ctx.clock.now(),
      lockReason: 'too_many_failed_codes',
    });
    await mk({ firstName: 'Marc', lastName: 'Autre' }, [b]);

    const all = await agent.get('/api/beneficiaries');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.data.map((x: { id: string }) => x.id)).toEqual([zoe.id, marc.id, locked.id]);

    expect((await agent.get('/api/beneficiaries?q=marc')).body.data.map((x: { id: string }) => x.id)).toEqual([
      marc.id,
    ]);
    expect((await agent.get('/api/beneficiaries?q=MARC%20bern')).body.total).toBe(1);
    const byPhone = await agent.get(`/api/beneficiaries?q=0${marc.phone.slice(3)}`);
    expect(byPhone.body.data.map((x: { id: string }) => x.id)).toEqual([marc.id]);
    expect((await agent.get('/api/beneficiaries?birthDate=2001-01-01')).body.data[0].id).toBe(zoe.id);
    expect((await agent.get('/api/beneficiaries?status=locked')).body.data.map((x: { id: string }) => x.id)).toEqual([
      locked.id,
    ]);
    expect((await agent.get('/api/beneficiaries?status=active')).body.total).toBe(2);
    expect((await agent.get('/api/beneficiaries?q=%25')).body.total).toBe(0);

    const page2 = await agent.get('/api/beneficiaries?perPage=2&page=2&sort=-lastName');
    expect(page2.body).toMatchObject({ total: 3 });
    expect(page2.body.data.map((x: { id: string }) => x.id)).toEqual([zoe.id]);
    expect((await agent.get('/api/beneficiaries?structureId=' + b.id)).status).toBe(400);
  });

  it('shows a followed beneficiary with follows, lock state and sessions, and audits the view', async () => {
    const [a, b] = await Promise.all([makeStructure(ctx, { name: 'CCAS A' }), makeStructure(ctx, { name: 'Asso B' })]);
    const { agent } = await makeReferent(ctx, a);
    const x = await makeBeneficiary(ctx, { followedBy: [a, b], overrides: { phone: freshPhone() } });
    await smsLogin(ctx, fake, x.phone);
    const res = await agent.get(`/api/beneficiaries/${x.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: x.id,
      locked: false,
      lockReason: null,
      sessionsCount: 1,
      emergencyCodesLeft: 0,
    });
    expect(res.body.follows.map((f: { structureName: string }) => f.structureName).sort()).toEqual([
      'Asso B',
      'CCAS A',
    ]);
    const viewed = await events({ action: 'beneficiary.viewed', beneficiaryId: x.id });
    expect(viewed).toHaveLength(1);
  });

  it('updates identity fields, audits which ones, and refuses a phone change through PATCH', async () => {
    const a = await makeStructure(ctx);
    const { agent } = await makeReferent(ctx, a);
    const x = await makeBeneficiary(ctx, { followedBy: [a], overrides: { phone: freshPhone() } });
    const res = await agent
      .patch(`/api/beneficiaries/${x.id}`)
      .send({ lastName: 'Nouveau', locale: 'en', email: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ lastName: 'Nouveau', locale: 'en', email: null, phone: x.phone });
    const [updated] = await events({ action: 'beneficiary.updated', beneficiaryId: x.id });
    expect(JSON.parse(updated!.details!)).toEqual({ fields: 'email,lastName,locale' });
    expect((await agent.patch(`/api/beneficiaries/${x.id}`).send({ phone: freshPhone() })).status).toBe(400);
    expect((await agent.patch(`/api/beneficiaries/${x.id}`).send({})).status).toBe(400);
  });
});

describe('OTP-13: changing the phone number', () => {
  async function setup() {
    const a = await makeStructure(ctx);
    const referent = await makeReferent(ctx, a);
    const x = await makeBeneficiary(ctx, { followedBy: [a], overrides: { phone: freshPhone() } });
    const session = await smsLogin(ctx, fake, x.phone, { trustedDevice: true });
    return { a, referent, x, session };
  }

  it('refuses a wrong TOTP: nothing changes, sessions stay, it is audited', async () => {
    const { referent, x, session } = await setup();
    const wrong = String((Number(referent.totp()) + 500_000) % 1_000_000).padStart(6, '0');
    const res = await referent.agent
      .post(`/api/beneficiaries/${x.id}/phone`)
      .send({ phone: freshPhone(), totp: wrong });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('invalid_totp');
    expect((await ctx.deps.db.getRepository(BeneficiaryEntity).findOneByOrFail({ id: x.id })).phone).toBe(x.phone);
    expect((await session.get('/api/me/sessions')).status).toBe(200);
    const [denied] = await events({ action: 'beneficiary.phone_changed', beneficiaryId: x.id });
    expect(denied).toMatchObject({ result: 'denied' });
  });

  it('refuses a referent without TOTP enrolled', async () => {
    const a = await makeStructure(ctx);
    const staff = await makeStaff(ctx, { structure: a });
    const agent = await signIn(ctx, { staff, structure: a });
    const x = await makeBeneficiary(ctx, { followedBy: [a], overrides: { phone: freshPhone() } });
    const res = await agent.post(`/api/beneficiaries/${x.id}/phone`).send({ phone: freshPhone(), totp: '123456' });
    expect(res.status).toBe(403);
  });

  it('changes the number with the right TOTP: every session revoked, both numbers told, audited', async () => {
    const { referent, x, session } = await setup();
    ctx.clock.advance(2 * MINUTE);
    const other = await smsLogin(ctx, fake, x.phone);
    const newPhone = freshPhone();
    const res = await referent.agent
      .post(`/api/beneficiaries/${x.id}/phone`)
      .send({ phone: newPhone, totp: referent.totp() });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: x.id, phone: newPhone, sessionsRevoked: 2, noticesSent: 2 });
    expect((await session.get('/api/me/sessions')).status).toBe(401);
    expect((await other.get('/api/me/sessions')).status).toBe(401);
    expect(await ctx.deps.db.getRepository(SessionEntity).countBy({ beneficiaryId: x.id })).toBe(0);
    const notice =
      "Consigne : le numéro de téléphone de votre compte a été changé. Si ce n'est pas vous, contactez votre référent.";
    expect(smsTo(x.phone).at(-1)!.body).toBe(notice);
    expect(smsTo(newPhone).at(-1)!.body).toBe(notice);
    const [changed] = await events({ action: 'beneficiary.phone_changed', beneficiaryId: x.id });
    expect(changed).toMatchObject({ result: 'success', actorId: referent.staff.id });
    expect(changed!.details).not.toContain(newPhone);
    expect(changed!.details).not.toContain(x.phone);

    // The old number no longer logs in; the new one does.
    ctx.clock.advance(2 * MINUTE);
    const before = smsTo(x.phone).length;
    await requestCode(anonymousClient(ctx), x.phone);
    expect(smsTo(x.phone)).toHaveLength(before);
    await smsLogin(ctx, fake, newPhone);
  });

  it('refuses a TOTP code replayed for a second change', async () => {
    const { referent, x } = await setup();
    const code = referent.totp();
    const first = await referent.agent
      .post(`/api/beneficiaries/${x.id}/phone`)
      .send({ phone: freshPhone(), totp: code });
    expect(first.status).toBe(200);
    const replay = await referent.agent
      .post(`/api/beneficiaries/${x.id}/phone`)
      .send({ phone: freshPhone(), totp: code });
    expect(replay.status).toBe(403);
    expect(replay.body.code).toBe('invalid_totp');
  });

  it('refuses a number that belongs to another account, and a non-French-mobile one', async () => {
    const { a, referent, x } = await setup();
    const y = await makeBeneficiary(ctx, { followedBy: [a], overrides: { phone: freshPhone() } });
    const taken = await referent.agent
      .post(`/api/beneficiaries/${x.id}/phone`)
      .send({ phone: y.phone, totp: referent.totp() });
    expect(taken.status).toBe(409);
    const landline = await referent.agent
      .post(`/api/beneficiaries/${x.id}/phone`)
      .send({ phone: '01 45 67 89 01', totp: referent.totp() });
    expect(landline.status).toBe(400);
    expect(landline.body.code).toBe('not_french_mobile');
  });
});

/** The text drawn in a pdf-lib PDF: its content streams inflated, the hex strings of `Tj` decoded. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const parts: string[] = [];
  const streams = /stream\r?\n([\s\S]*?)\r?\nendstream/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      content = m[1]!;
    }
    for (const t of content.matchAll(/<([0-9A-Fa-f]+)> Tj/g)) parts.push(Buffer.from(t[1]!, 'hex').toString('latin1'));
  }
  return parts.join('\n');
}

const cardCodes = (pdf: Buffer) => pdfText(pdf).match(/\b[A-Z2-9]{5}-[A-Z2-9]{5}\b/g) ?? [];

/** A card as the back office asks for it (`totp` given: a referent) or as the beneficiary app does (no body). */
async function issueCard(agent: ReturnType<typeof anonymousClient>, beneficiaryId: string, totp?: string) {
  const req = agent.post(`/api/beneficiaries/${beneficiaryId}/emergency-card`);
  return (totp === undefined ? req : req.send({ totp })).buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (c: Buffer) => chunks.push(c));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

const recover = (phone: string, code: string, ip?: string) =>
  anonymousClient(ctx, ip).post('/api/auth/sms/recovery').send({ phone, code, trustedDevice: false });

describe('emergency card', () => {
  it('prints a French PDF with ten codes (only HMACs stored); each code opens the vault once', async () => {
    const a = await makeStructure(ctx);
    const { agent, totp } = await makeReferent(ctx, a);
    const x = await makeBeneficiary(ctx, { followedBy: [a], overrides: { phone: freshPhone() } });
    const res = await issueCard(agent, x.id, totp());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.headers['cache-control']).toBe('no-store');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain("Carte d'urgence Consigne");
    expect(text).not.toContain(x.firstName);
    expect(text).not.toContain(x.phone.slice(3));
    const codes = cardCodes(pdf);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);

    const stored = await ctx.deps.db.getRepository(EmergencyCodeEntity).findBy({ beneficiaryId: x.id });
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(codes[0]!.replace('-', ''));
    const [issued] = await events({ action: 'beneficiary.emergency_card_issued', beneficiaryId: x.id });
    expect(issued).toBeDefined();

    const used = await recover(x.phone, codes[0]!.toLowerCase().replace('-', ' '));
    expect(used.status).toBe(200);
    expect(used.headers['set-cookie']?.[0]).toMatch(/consigne_session=/);
    const again = await recover(x.phone, codes[0]!);
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('invalid_recovery_code');
    expect((await recover(x.phone, codes[1]!)).status).toBe(200);
  });

  it('voids the previous card when a new one is printed, by the beneficiary themself', async () => {
    const a = await makeStructure(ctx);
    const { agent, totp } = await makeReferent(ctx, a);
    const x = await makeBeneficiary(ctx, { followedBy: [a], overrides: { phone: freshPhone() } });
    const oldCodes = cardCodes((await issueCard(agent, x.id, totp())).body as Buffer);
    const self = await smsLogin(ctx, fake, x.phone);
    const mine = await issueCard(self, x.id);
    expect(mine.status).toBe(200);
    const newCodes = cardCodes(mine.body as Buffer);
    expect(newCodes).toHaveLength(10);
    expect((await recover(x.phone, oldCodes[0]!)).status).toBe(400);
    expect((await recover(x.phone, newCodes[0]!)).status).toBe(200);
    // Someone else's card: 404 for a beneficiary, as for a structure that does not follow them.
    const y = await makeBeneficiary(ctx, { overrides: { phone: freshPhone() } });
    expect((await issueCard(self, y.id)).status).toBe(404);
  });

  it('audits each use and tells the person (SMS) and the referents of following structures (e-mail)', async () => {
    const a = await makeStructure(ctx);
    const referent = await makeReferent(ctx, a);
    const x = await makeBeneficiary(ctx, { followedBy: [a], overrides: { phone: freshPhone() } });
    const [code] = cardCodes((await issueCard(referent.agent, x.id, referent.totp())).body as Buffer);
    expect((await recover(x.phone, code!)).status).toBe(200);
    await settleBackground();
    expect(smsTo(x.phone).at(-1)!.body).toBe(
      "Consigne : votre carte d'urgence a été utilisée. Si ce n'est pas vous ou une personne de confiance, contactez votre référent.",
    );
    const mails = ctx.deps.outbox!.list({ to: referent.staff.email, channel: 'email' });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Une carte d'urgence a été utilisée");
    expect(mails[0]!.text).toContain(`/admin/#/beneficiaries/${x.id}/show`);
    expect(mails[0]!.text).not.toContain(x.lastName);
    const [used] = await events({ action: 'beneficiary.emergency_code_used', beneficiaryId: x.id });
    expect(JSON.parse(used!.details!)).toMatchObject({ codesLeft: 9 });
  });

  it('answers an unknown number like a wrong code, counts failures towards the lock, and limits attempts per IP', async () => {
    const a = await makeStructure(ctx);
    const { agent, totp } = await makeReferent(ctx, a);
    const x = await makeBeneficiary(ctx, { followedBy: [a], overrides: { phone: freshPhone() } });
    const [code] = cardCodes((await issueCard(agent, x.id, totp())).body as Buffer);
    const unknown = await recover(freshPhone(), 'ABCDE-FGHJK');
    const wrong = await recover(x.phone, 'ABCDE-FGHJK');
    expect(unknown.status).toBe(400);
    expect(wrong.status).toBe(400);
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
    expect((await recover('01 45 67 89 01', code!)).body.code).toBe('not_french_mobile');

    const ip = '10.99.99.99';
    for (let i = 0; i < 10; i++) expect((await recover(freshPhone(), 'ABCDE-FGHJK', ip)).status).toBe(400);
    const limited = await recover(x.phone, code!, ip);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();

    for (let i = 0; i < 19; i++) await recover(x.phone, 'ABCDE-FGHJK');
    const locked = await ctx.deps.db.getRepository(BeneficiaryEntity).findOneByOrFail({ id: x.id });
    expect(locked.lockReason).toBe('too_many_failed_codes');
    // The right code on a locked account does not open it, and is not spent.
    expect((await recover(x.phone, code!)).status).toBe(400);
    expect((await agent.post(`/api/beneficiaries/${x.id}/unlock`)).status).toBe(200);
    expect((await recover(x.phone, code!)).status).toBe(200);
  });
});

describe('AUTHZ-3: a referent printing an emergency card', () => {
  const notice =
    "Consigne : une nouvelle carte d'urgence a été imprimée pour votre compte. Les anciens codes ne marchent plus. Si ce n'est pas vous, contactez votre référent.";

  async function setup() {
    const a = await makeStructure(ctx, { name: 'CCAS Gamma' });
    const referent = await makeReferent(ctx, a);
    const x = await makeBeneficiary(ctx, { followedBy: [a], overrides: { phone: freshPhone() } });
    return { a, referent, x };
  }
  const codesOf = (beneficiaryId: string) => ctx.deps.db.getRepository(EmergencyCodeEntity).countBy({ beneficiaryId });

  it('refuses a referent without a TOTP code (400) or with a wrong one (403): no codes, no SMS, audited as denied', async () => {
    const { referent, x } = await setup();
    const missing = await issueCard(referent.agent, x.id);
    expect(missing.status).toBe(400);
    expect(JSON.parse((missing.body as Buffer).toString())).toMatchObject({ code: 'totp_required' });
    const emptyBody = await referent.agent.post(`/api/beneficiaries/${x.id}/emergency-card`).send({});
    expect(emptyBody.status).toBe(400);
    const wrong = String((Number(referent.totp()) + 500_000) % 1_000_000).padStart(6, '0');
    const refused = await issueCard(referent.agent, x.id, wrong);
    expect(refused.status).toBe(403);
    expect(JSON.parse((refused.body as Buffer).toString())).toMatchObject({ code: 'invalid_totp' });
    expect(await codesOf(x.id)).toBe(0);
    expect(smsTo(x.phone)).toHaveLength(0);
    const denied = await events({ action: 'beneficiary.emergency_card_issued', beneficiaryId: x.id });
    expect(denied.map((e) => e.result)).toEqual(['denied', 'denied', 'denied']);
    expect(denied.map((e) => (JSON.parse(e.details!) as { reason: string }).reason)).toEqual([
      'totp_missing',
      'totp_missing',
      'invalid_totp',
    ]);
  });

  it('refuses a TOTP code already used (403), even for another action', async () => {
    const { referent, x } = await setup();
    const code = referent.totp();
    expect((await issueCard(referent.agent, x.id, code)).status).toBe(200);
    const replay = await issueCard(referent.agent, x.id, code);
    expect(replay.status).toBe(403);
    expect(JSON.parse((replay.body as Buffer).toString())).toMatchObject({ code: 'invalid_totp' });

    const { referent: other, x: y } = await setup();
    const used = other.totp();
    const changed = await other.agent
      .post(`/api/beneficiaries/${y.id}/phone`)
      .send({ phone: freshPhone(), totp: used });
    expect(changed.status).toBe(200);
    expect((await issueCard(other.agent, y.id, used)).status).toBe(403);
    expect(await codesOf(y.id)).toBe(0);
  });

  it('prints with a fresh TOTP: the PDF, an SMS notice to the current number, the audit, and a line in their trace', async () => {
    const { a, referent, x } = await setup();
    const res = await issueCard(referent.agent, x.id, referent.totp());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(cardCodes(res.body as Buffer)).toHaveLength(10);
    expect(smsTo(x.phone).map((m) => m.body)).toEqual([notice]);
    const [issued] = await events({ action: 'beneficiary.emergency_card_issued', beneficiaryId: x.id });
    expect(issued).toMatchObject({ result: 'success', actorId: referent.staff.id, structureId: a.id });
    expect(JSON.parse(issued!.details!)).toEqual({ codes: 10, previousCodesVoided: 0, smsNotice: true });

    // A second card a minute later: a new TOTP step, a new notice; the trace shows both printings, by whom.
    ctx.clock.advance(MINUTE);
    expect((await issueCard(referent.agent, x.id, referent.totp())).status).toBe(200);
    expect(smsTo(x.phone).map((m) => m.body)).toEqual([notice, notice]);
    const self = await smsLogin(ctx, fake, x.phone);
    const trace = await self.get('/api/me/access-log');
    expect(trace.status).toBe(200);
    const cards = (trace.body.data as { action: string; structure: { name: string } | null }[]).filter(
      (e) => e.action === 'beneficiary.emergency_card_issued',
    );
    expect(cards).toHaveLength(2);
    expect(cards[0]).toMatchObject({ structure: { id: a.id, name: 'CCAS Gamma' }, staff: { id: referent.staff.id } });
  });

  it('keeps refused attempts out of the trace (they did not print anything)', async () => {
    const { referent, x } = await setup();
    expect((await issueCard(referent.agent, x.id, '000000')).status).toBe(403);
    const self = await smsLogin(ctx, fake, x.phone);
    const trace = await self.get('/api/me/access-log');
    expect(trace.body.data.map((e: { action: string }) => e.action)).not.toContain('beneficiary.emergency_card_issued');
  });

  it('asks nothing more of the beneficiary printing their own card, and sends them no notice', async () => {
    const { x } = await setup();
    const self = await smsLogin(ctx, fake, x.phone);
    const before = smsTo(x.phone).length;
    const mine = await issueCard(self, x.id);
    expect(mine.status).toBe(200);
    expect(cardCodes(mine.body as Buffer)).toHaveLength(10);
    expect(smsTo(x.phone)).toHaveLength(before);
  });

  it('answers 404 before asking for a TOTP when the structure does not follow the person', async () => {
    const { x } = await setup();
    const elsewhere = await makeReferent(ctx, await makeStructure(ctx));
    expect((await issueCard(elsewhere.agent, x.id)).status).toBe(404);
    expect((await issueCard(elsewhere.agent, x.id, elsewhere.totp())).status).toBe(404);
  });

  it('prints nothing when the notice cannot leave today (SMS budget spent): 503, the old card still works', async () => {
    const { referent, x } = await setup();
    const [old] = cardCodes((await issueCard(referent.agent, x.id, referent.totp())).body as Buffer);
    ctx.clock.advance(MINUTE);
    const day = ctx.clock.now().toISOString().slice(0, 10);
    const counters = ctx.deps.db.getRepository(SmsDailyCounterEntity);
    await counters.update({ day }, { trippedAt: ctx.clock.now() });
    try {
      const refused = await issueCard(referent.agent, x.id, referent.totp());
      expect(refused.status).toBe(503);
      expect((await recover(x.phone, old!)).status).toBe(200);
    } finally {
      await counters.update({ day }, { trippedAt: null });
    }
  });
});

describe('OTP-8: a locked account and the emergency card', () => {
  it('answers a right and a wrong code alike, and counts both', async () => {
    const a = await makeStructure(ctx);
    const referent = await makeReferent(ctx, a);
    const x = await makeBeneficiary(ctx, { followedBy: [a], overrides: { phone: freshPhone() } });
    const [code] = cardCodes((await issueCard(referent.agent, x.id, referent.totp())).body as Buffer);
    await ctx.deps.db
      .getRepository(BeneficiaryEntity)
      .update({ id: x.id }, { lockedAt: ctx.clock.now(), lockReason: 'too_many_failed_codes' });
    const failures = () => ctx.deps.db.getRepository(BeneficiaryLoginFailureEntity).countBy({ beneficiaryId: x.id });
    const before = await failures();
    const right = await recover(x.phone, code!);
    const wrong = await recover(x.phone, 'ABCDE-FGHJK');
    expect(right.status).toBe(400);
    expect(wrong.status).toBe(400);
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(right.body)).toEqual(strip(wrong.body));
    expect(right.body.code).toBe('invalid_recovery_code');
    expect(right.headers['set-cookie']).toBeUndefined();
    expect(await failures()).toBe(before + 2);
    // Not spent: it opens the vault once a referent unlocks the account.
    expect((await referent.agent.post(`/api/beneficiaries/${x.id}/unlock`)).status).toBe(200);
    expect((await recover(x.phone, code!)).status).toBe(200);
  });
});
