import { demoBeneficiary, demoPapers, demoPassword, demoStaff, demoStructure } from '@consigne/database/seeds/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/support/test-context.js';
import { currentTotp } from '../staff/totp.js';
import { seedDemo } from './demo-seed.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('demo seed', () => {
  it('seeds once: a second run finds the demo and changes nothing', async () => {
    expect((await seedDemo(ctx.deps)).created).toBe(true);
    expect((await seedDemo(ctx.deps)).created).toBe(false);
  });

  it('gives staff accounts that log in with the printed password and TOTP secret', async () => {
    const [admin, referent] = demoStaff;
    const agent = ctx.http();
    await agent.post('/api/auth/staff/login').send({ email: referent.email, password: demoPassword }).expect(200);
    await agent
      .post('/api/auth/staff/totp')
      .send({ code: currentTotp(referent.totpSecret, ctx.clock.now()) })
      .expect(200);
    const me = await agent.get('/api/me').expect(200);
    expect(me.body.memberships).toEqual([
      expect.objectContaining({ structureName: demoStructure.name, role: 'referent' }),
    ]);
    expect(admin.role).toBe('admin');
  });

  it('gives the referent a followed beneficiary who can ask for an SMS code', async () => {
    const referent = demoStaff[1];
    ctx.clock.advance(31_000); // the previous test used this time step's code, and codes never replay
    const agent = ctx.http();
    await agent.post('/api/auth/staff/login').send({ email: referent.email, password: demoPassword }).expect(200);
    const me = await agent
      .post('/api/auth/staff/totp')
      .send({ code: currentTotp(referent.totpSecret, ctx.clock.now()) });
    const structureId = me.body.memberships[0].structureId as string;
    const list = await agent.get('/api/beneficiaries').set('X-Structure-Id', structureId).expect(200);
    expect(list.body.data).toEqual([expect.objectContaining({ lastName: demoBeneficiary.lastName })]);
    const papers = await agent
      .get(`/api/beneficiaries/${list.body.data[0].id}/documents`)
      .set('X-Structure-Id', structureId)
      .expect(200);
    const shared = demoPapers.filter((p) => p.visibility === 'shared').map((p) => p.title);
    expect(papers.body.data.map((d: { title: string }) => d.title).sort()).toEqual([...shared].sort());
    await ctx.http().post('/api/auth/sms/request').send({ phone: demoBeneficiary.phone }).expect(202);
  });
});
