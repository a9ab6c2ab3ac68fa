import { beforeAll, describe, expect, it } from 'vitest';

import type { FakeTwilio } from '../../test/support/fake-twilio.js';
import { makeStructure } from '../../test/support/factories.js';
import { type TestContext } from '../../test/support/test-context.js';
import { adoptSession, anonymousClient, makeReferent, twilioTestContext } from './test-support/accounts.js';

let fake: FakeTwilio;
let ctx: TestContext;

const env = twilioTestContext();
beforeAll(() => ({ ctx, fake } = env));

describe('issue #4 "done when": from creation by a referent to the beneficiary logged in by SMS', () => {
  it('creates, welcomes through the real twilio SDK, sends a code, verifies it and shows the beneficiary in getMe', async () => {
    const structure = await makeStructure(ctx, { name: 'CCAS de Lyon' });
    const { agent: referent } = await makeReferent(ctx, structure);

    const created = await referent.post('/api/beneficiaries').send({
      firstName: 'Amina',
      lastName: 'Diallo',
      birthDate: '1987-03-21',
      phone: '06 12 34 56 78',
      locale: 'fr',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ firstName: 'Amina', phone: '+33612345678', welcomeSmsSent: true });

    const welcome = await fake.waitForSms('+33612345678');
    expect(welcome.from).toBe('+33700000000');
    expect(welcome.body).toContain('Consigne');
    expect(welcome.body).toContain('http://consigne.test/');
    expect(welcome.body).not.toMatch(/Amina|Diallo|Lyon|1987/);

    const app = anonymousClient(ctx);
    const requested = await app.post('/api/auth/sms/request').send({ phone: '+33 6 12 34 56 78' });
    expect(requested.status).toBe(202);
    const sms = await fake.waitForSms('+33612345678');
    const code = fake.lastCodeFor('+33612345678');
    expect(sms.body).toContain(code);

    const verified = await app
      .post('/api/auth/sms/verify')
      .send({ requestId: requested.body.requestId, code, trustedDevice: true });
    expect(verified.status).toBe(200);
    expect(verified.headers['set-cookie']?.[0]).toMatch(/consigne_session=.+HttpOnly/i);

    const me = await adoptSession(app, verified).get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ kind: 'beneficiary', id: created.body.id, firstName: 'Amina', lastName: 'Diallo' });
  });
});
