import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { boolean, createdAt, id, integer, longText, text, timestamp, updatedAt, uuid, bigInteger } from './columns.js';

const cascade = (column: string, table: string) => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
});

export class CreateStaffSessionsAudit1764000001000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'staff_members',
        columns: [
          id(),
          text('email', 254, { isUnique: true }),
          text('displayName', 120),
          text('passwordHash', 255, { isNullable: true }),
          text('totpSecret', 255, { isNullable: true }),
          timestamp('mfaEnrolledAt', { isNullable: true }),
          boolean('platformAdmin', { default: false }),
          text('locale', 5, { default: "'fr'" }),
          integer('failedLogins', { default: 0 }),
          timestamp('lockedUntil', { isNullable: true }),
          timestamp('deactivatedAt', { isNullable: true }),
          createdAt(),
          updatedAt(),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'staff_memberships',
        columns: [
          id(),
          uuid('staffId'),
          uuid('structureId'),
          text('role', 20),
          timestamp('deactivatedAt', { isNullable: true }),
          createdAt(),
          updatedAt(),
        ],
        uniques: [{ name: 'UQ_membership_staff_structure', columnNames: ['staffId', 'structureId'] }],
        indices: [{ name: 'IDX_membership_structure', columnNames: ['structureId'] }],
        foreignKeys: [cascade('staffId', 'staff_members'), cascade('structureId', 'structures')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'staff_recovery_codes',
        columns: [id(), uuid('staffId'), text('codeHash', 64), timestamp('usedAt', { isNullable: true }), createdAt()],
        indices: [{ name: 'IDX_recovery_staff', columnNames: ['staffId'] }],
        foreignKeys: [cascade('staffId', 'staff_members')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'staff_tokens',
        columns: [
          id(),
          uuid('staffId'),
          text('purpose', 20),
          text('tokenHash', 64, { isUnique: true }),
          uuid('structureId', { isNullable: true }),
          text('role', 20, { isNullable: true }),
          timestamp('expiresAt'),
          timestamp('usedAt', { isNullable: true }),
          createdAt(),
        ],
        indices: [{ name: 'IDX_staff_tokens_staff', columnNames: ['staffId'] }],
        foreignKeys: [cascade('staffId', 'staff_members')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'beneficiaries',
        columns: [
          id(),
          text('firstName', 100),
          text('lastName', 100),
          text('birthDate', 10),
          text('phone', 20, { isUnique: true }),
          text('email', 254, { isNullable: true }),
          text('locale', 5, { default: "'fr'" }),
          timestamp('lockedAt', { isNullable: true }),
          text('lockReason', 40, { isNullable: true }),
          uuid('createdByStructureId', { isNullable: true }),
          createdAt(),
          updatedAt(),
        ],
        indices: [{ name: 'IDX_beneficiaries_identity', columnNames: ['lastName', 'firstName', 'birthDate'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'follows',
        columns: [
          id(),
          uuid('structureId'),
          uuid('beneficiaryId'),
          text('status', 20),
          uuid('requestedByStaffId', { isNullable: true }),
          text('consentChannel', 20, { isNullable: true }),
          timestamp('endedAt', { isNullable: true }),
          createdAt(),
          updatedAt(),
        ],
        uniques: [{ name: 'UQ_follow_structure_beneficiary', columnNames: ['structureId', 'beneficiaryId'] }],
        indices: [{ name: 'IDX_follows_beneficiary', columnNames: ['beneficiaryId'] }],
        foreignKeys: [cascade('structureId', 'structures'), cascade('beneficiaryId', 'beneficiaries')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          id(),
          text('tokenHash', 64, { isUnique: true }),
          text('subjectKind', 20),
          uuid('staffId', { isNullable: true }),
          uuid('beneficiaryId', { isNullable: true }),
          text('stage', 20),
          boolean('trustedDevice', { default: false }),
          text('deviceLabel', 120, { isNullable: true }),
          createdAt(),
          timestamp('lastSeenAt'),
          timestamp('expiresAt'),
        ],
        indices: [
          { name: 'IDX_sessions_staff', columnNames: ['staffId'] },
          { name: 'IDX_sessions_beneficiary', columnNames: ['beneficiaryId'] },
        ],
        foreignKeys: [cascade('staffId', 'staff_members'), cascade('beneficiaryId', 'beneficiaries')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_events',
        columns: [
          id(),
          bigInteger('seq', { isUnique: true }),
          timestamp('occurredAt'),
          text('actorKind', 20),
          uuid('actorId', { isNullable: true }),
          text('actorRole', 20, { isNullable: true }),
          uuid('structureId', { isNullable: true }),
          uuid('beneficiaryId', { isNullable: true }),
          text('action', 60),
          text('targetType', 40, { isNullable: true }),
          uuid('targetId', { isNullable: true }),
          text('result', 20),
          text('requestId', 64, { isNullable: true }),
          longText('details', { isNullable: true }),
          text('prevHash', 64),
          text('hash', 64),
        ],
        indices: [
          { name: 'IDX_audit_structure', columnNames: ['structureId', 'occurredAt'] },
          { name: 'IDX_audit_beneficiary', columnNames: ['beneficiaryId', 'occurredAt'] },
          { name: 'IDX_audit_actor', columnNames: ['actorId', 'occurredAt'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_head',
        columns: [integer('id', { isPrimary: true }), bigInteger('seq'), text('hash', 64)],
      }),
    );
    // The chain starts from a fixed genesis link; every append locks and moves this one row.
    await queryRunner.manager
      .createQueryBuilder()
      .insert()
      .into('audit_head')
      .values({ id: 1, seq: 0, hash: '0'.repeat(64) })
      .execute();
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'audit_head',
      'audit_events',
      'sessions',
      'follows',
      'beneficiaries',
      'staff_tokens',
      'staff_recovery_codes',
      'staff_memberships',
      'staff_members',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
