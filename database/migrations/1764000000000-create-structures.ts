import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createdAt, id, longText, text, timestamp, updatedAt } from './columns.js';

export class CreateStructures1764000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'structures',
        columns: [
          id(),
          text('name', 200),
          text('kind', 20),
          text('siret', 14, { isNullable: true }),
          longText('address', { isNullable: true }),
          text('contactEmail', 254, { isNullable: true }),
          text('contactPhone', 20, { isNullable: true }),
          timestamp('archivedAt', { isNullable: true }),
          createdAt(),
          updatedAt(),
        ],
        indices: [{ name: 'IDX_structures_name', columnNames: ['name'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('structures');
  }
}
