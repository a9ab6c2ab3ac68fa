import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeBeneficiary, makeStaff, makeStructure, signIn } from '../../test/support/factories.js';
import { createTestContext, type TestContext } from '../../test/support/test-context.js';
import { commands } from '../cli/commands.js';
import type { Actor } from '../policies/actor.js';
import { MINUTE } from '../shared/clock.js';
import type { Structure } from '../structures/structure.entity.js';
import type { StaffMember } from '../staff/staff.entity.js';
import { AuditEventEntity, type AuditEvent } from './audit-event.entity.js';
import { recordAuditNow, verifyAuditChain } from './audit.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

async function auditVerifyCli(): Promise<{ code: number; output: string }> {
  const command = commands.find((c) => c.name === 'audit:verify')!;
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
  try {
    return { code: await command.run(ctx.deps, {}), output: printed.join('\n') };
  } finally {
    log.mockRestore();
  }
}

const events = () => ctx.deps.db.getRepository(AuditEventEntity);
const sql = (query: string, params: unknown[]) => ctx.deps.db.query(query, params);

async function appendSystemEvents(count: number): Promise<void> {
  for (let i = 0; i < count; i++)
    await recordAuditNow(ctx.deps.db, ctx.clock, {
      actor: 'system',
      action: 'structure.updated',
      targetType: 'structure',
      targetId: randomUUID(),
      details: { fields: 'address' },
    });
}

/** Puts a deleted row back exactly as it was, so the next scenario starts from an intact chain. */
async function restore(row: AuditEvent): Promise<void> {
  await events().insert(row);
  expect(await verifyAuditChain(ctx.deps.db)).toMatchObject({ ok: true });
}

describe('audit:verify (LOG-3)', () => {
  beforeAll(() => appendSystemEvents(6));

  it('reports OK with the number of events on an intact chain', async () => {
    const total = await events().count();
    expect(await verifyAuditChain(ctx.deps.db)).toEqual({ ok: true, events: total });
    const cli = await auditVerifyCli();
    expect(cli.code).toBe(0);
    expect(cli.output).toContain(`OK: ${total} audit events`);
  });

  it('names the first broken seq when a field of a row is edited with SQL', async () => {
    const row = await events().findOneByOrFail({ seq: 3 });
    await sql('UPDATE audit_events SET result = ? WHERE seq = ?', ['failure', 3]);
    expect(await verifyAuditChain(ctx.deps.db)).toMatchObject({ ok: false, brokenAtSeq: 3, reason: 'altered' });
    const cli = await auditVerifyCli();
    expect(cli.code).toBe(1);
    expect(cli.output).toContain('BROKEN at seq 3 (altered)');

    // Editing the details or the time is caught the same way.
    await sql('UPDATE audit_events SET result = ?, details = ? WHERE seq = ?', [row.result, '{"fields":"name"}', 3]);
    expect(await verifyAuditChain(ctx.deps.db)).toMatchObject({ ok: false, brokenAtSeq: 3 });
    await sql('UPDATE audit_events SET details = ? WHERE seq = ?', [row.details, 3]);
    expect(await verifyAuditChain(ctx.deps.db)).toMatchObject({ ok: true });
  });

  it('names the first broken seq when a row in the middle is deleted', async () => {
    const row = await events().findOneByOrFail({ seq: 4 });
    await sql('DELETE FROM audit_events WHERE seq = ?', [4]);
    expect(await verifyAuditChain(ctx.deps.db)).toMatchObject({ ok: false, brokenAtSeq: 4, reason: 'missing' });
    const cli = await auditVerifyCli();
    expect(cli.code).toBe(1);
    expect(cli.output).toContain('BROKEN at seq 4 (missing)');
    await restore(row);
  });

  it('notices the deletion of the last row', async () => {
    const last = await events().findOneOrFail({ where: {}, order: { seq: 'DESC' } });
    await sql('DELETE FROM audit_events WHERE seq = ?', [last.seq]);
    expect(await verifyAuditChain(ctx.deps.db)).toMatchObject({
      ok: false,
      brokenAtSeq: last.seq,
      reason: 'head_mismatch',
    });
    const cli = await auditVerifyCli();
    expect(cli.code).toBe(1);
    expect(cli.output).toContain(`BROKEN at seq ${last.seq}`);
    await restore(last);
  });

  it('notices a row whose stored hash was overwritten', async () => {
    await sql('UPDATE audit_events SET hash = ? WHERE seq = ?', ['f'.repeat(64), 2]);
    expect(await verifyAuditChain(ctx.deps.db)).toMatchObject({ ok: false, brokenAtSeq: 2 });
  });
});

describe('the audit trail of a structure (listAuditEvents)', () => {
  let A: Structure;
  let B: Structure;
  let admin: StaffMember;
  let referent: StaffMember;

  const asStaff = (member: StaffMember, structure: Structure, role: 'admin' | 'referent'): Actor => ({
    kind: 'staff',
    staffId: member.id,
    sessionId: randomUUID(),
    platformAdmin: false,
    membership: { structureId: structure.id, role },
  });

  beforeAll(async () => {
    A = await makeStructure(ctx);
    B = await makeStructure(ctx);
    admin = await makeStaff(ctx, { structure: A, role: 'admin' });
    referent = await makeStaff(ctx, { structure: A, role: 'referent' });
    const beneficiary = await makeBeneficiary(ctx, { followedBy: [A] });
    const record = (actor: Actor, action: Parameters<typeof recordAuditNow>[2]['action'], extra = {}) =>
      recordAuditNow(ctx.deps.db, ctx.clock, { actor, action, ...extra });

    await record(asStaff(admin, A, 'admin'), 'staff.invited', { targetType: 'staff', targetId: referent.id });
    ctx.clock.advance(MINUTE);
    await record(asStaff(referent, A, 'referent'), 'document.downloaded', {
      targetType: 'document',
      targetId: randomUUID(),
      beneficiaryId: beneficiary.id,
      details: { sizeBytes: 123456 },
    });
    ctx.clock.advance(MINUTE);
    // A beneficiary's own action (it could concern a private document) is recorded for A but never listed.
    await record({ kind: 'beneficiary', beneficiaryId: beneficiary.id, sessionId: randomUUID() }, 'document.uploaded', {
      structureId: A.id,
      targetType: 'document',
      targetId: randomUUID(),
    });
    ctx.clock.advance(MINUTE);
    await record(asStaff(admin, A, 'admin'), 'staff.role_changed', { targetType: 'staff', targetId: referent.id });
    await record(asStaff(await makeStaff(ctx, { structure: B, role: 'admin' }), B, 'admin'), 'staff.deactivated');
  });

  it("lists the structure's staff events newest first, without details or document ids (AUTHZ-3)", async () => {
    const client = await signIn(ctx, { staff: admin, structure: A });
    const res = await client.get('/api/audit-events').expect(200);
    expect(res.body.total).toBe(3);
    expect(res.body.data.map((e: { action: string }) => e.action)).toEqual([
      'staff.role_changed',
      'document.downloaded',
      'staff.invited',
    ]);
    const download = res.body.data[1];
    expect(download).toMatchObject({
      actorId: referent.id,
      actorRole: 'referent',
      targetType: 'document',
      targetId: null,
    });
    expect(download).not.toHaveProperty('details');
    expect(JSON.stringify(res.body)).not.toContain('123456');
  });

  it('filters by actor, action and time, and paginates', async () => {
    const client = await signIn(ctx, { staff: admin, structure: A });
    const byActor = await client.get(`/api/audit-events?actorId=${referent.id}`).expect(200);
    expect(byActor.body.data.map((e: { action: string }) => e.action)).toEqual(['document.downloaded']);
    const byAction = await client.get('/api/audit-events?action=staff.invited').expect(200);
    expect(byAction.body.total).toBe(1);
    const all = await client.get('/api/audit-events').expect(200);
    const newest = all.body.data[0].occurredAt as string;
    const recent = await client.get(`/api/audit-events?from=${encodeURIComponent(newest)}`).expect(200);
    expect(recent.body.data.map((e: { action: string }) => e.action)).toEqual(['staff.role_changed']);
    const older = await client.get(`/api/audit-events?to=${encodeURIComponent(newest)}`).expect(200);
    expect(older.body.total).toBe(2);
    const page2 = await client.get('/api/audit-events?perPage=2&page=2').expect(200);
    expect(page2.body).toMatchObject({ total: 3, data: [{ action: 'staff.invited' }] });
    await client.get('/api/audit-events?action=not.an.action').expect(400);
  });
});
