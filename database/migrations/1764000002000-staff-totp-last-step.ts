import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { integer } from './columns.js';

/**
 * STAFF-3: a TOTP code is single use. The last accepted time step (Unix time / 30 s) is kept so a
 * code seen once — including during enrolment — is refused for the rest of its validity window.
 */
export class StaffTotpLastStep1764000002000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('staff_members', new TableColumn(integer('lastTotpStep', { isNullable: true })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('staff_members', 'lastTotpStep');
  }
}
