import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createdAt, id, integer, text, timestamp, uuid } from './columns.js';

const cascade = (column: string, table: string) => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
});

/**
 * Beneficiary accounts (issue #4): one-time codes (SMS login and desk consent), the counters behind
 * the SMS rate limits and daily budget, failed-verification records (OTP-8), emergency-card codes
 * and the short-lived "may ask to follow" grants a duplicate answer gives a structure.
 */
export class BeneficiaryAccounts1764000003000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'otp_codes',
        columns: [
          id(),
          text('purpose', 20),
          uuid('beneficiaryId', { isNullable: true }),
          uuid('followId', { isNullable: true }),
          text('codeHash', 64),
          integer('attempts', { default: 0 }),
          timestamp('expiresAt'),
          timestamp('usedAt', { isNullable: true }),
          timestamp('burnedAt', { isNullable: true }),
          createdAt(),
        ],
        indices: [
          { name: 'IDX_otp_codes_beneficiary', columnNames: ['beneficiaryId'] },
          { name: 'IDX_otp_codes_follow', columnNames: ['followId'] },
        ],
        foreignKeys: [cascade('beneficiaryId', 'beneficiaries'), cascade('followId', 'follows')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'auth_rate_events',
        columns: [
          id(),
          text('kind', 20),
          text('phoneKey', 64, { isNullable: true }),
          text('ipKey', 64, { isNullable: true }),
          timestamp('occurredAt'),
        ],
        indices: [
          { name: 'IDX_rate_phone', columnNames: ['kind', 'phoneKey', 'occurredAt'] },
          { name: 'IDX_rate_ip', columnNames: ['kind', 'ipKey', 'occurredAt'] },
          { name: 'IDX_rate_time', columnNames: ['occurredAt'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'sms_daily_counters',
        columns: [
          text('day', 10, { isPrimary: true }),
          integer('sent', { default: 0 }),
          timestamp('trippedAt', { isNullable: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'beneficiary_login_failures',
        columns: [id(), uuid('beneficiaryId'), text('method', 20), timestamp('occurredAt')],
        indices: [{ name: 'IDX_login_failures_beneficiary', columnNames: ['beneficiaryId', 'occurredAt'] }],
        foreignKeys: [cascade('beneficiaryId', 'beneficiaries')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'emergency_codes',
        columns: [
          id(),
          uuid('beneficiaryId'),
          uuid('cardId'),
          text('codeHash', 64),
          timestamp('usedAt', { isNullable: true }),
          createdAt(),
        ],
        indices: [{ name: 'IDX_emergency_codes_beneficiary', columnNames: ['beneficiaryId'] }],
        foreignKeys: [cascade('beneficiaryId', 'beneficiaries')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'follow_matches',
        columns: [
          id(),
          uuid('structureId'),
          uuid('beneficiaryId'),
          uuid('staffId', { isNullable: true }),
          timestamp('expiresAt'),
          createdAt(),
        ],
        indices: [{ name: 'IDX_follow_matches_pair', columnNames: ['structureId', 'beneficiaryId'] }],
        foreignKeys: [cascade('structureId', 'structures'), cascade('beneficiaryId', 'beneficiaries')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'follow_matches',
      'emergency_codes',
      'beneficiary_login_failures',
      'sms_daily_counters',
      'auth_rate_events',
      'otp_codes',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
