import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { documentTypeId, documentTypeSeeds } from '../seeds/document-types.js';
import { bigInteger, createdAt, id, integer, longText, text, timestamp, updatedAt, uuid } from './columns.js';

/**
 * The document vault (issue #5): the referential of document types (seeded here, so a fresh
 * production install has it), the documents (one wrapped data key each; blobs live in the object
 * store under keys derived from the id) and the upload reservations that make an upload all or
 * nothing (REL-1) and count towards the rate limit and the quota (UP-7).
 */
export class CreateDocuments1764000004000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'document_types',
        columns: [
          id(),
          text('code', 60, { isUnique: true }),
          text('theme', 30),
          text('label', 160),
          longText('fields'),
          integer('validityMonths', { isNullable: true }),
          integer('retentionMonths', { isNullable: true }),
          integer('position', { default: 0 }),
          createdAt(),
          updatedAt(),
        ],
        indices: [{ name: 'IDX_document_types_theme', columnNames: ['theme', 'position'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'documents',
        columns: [
          id(),
          uuid('beneficiaryId'),
          uuid('typeId', { isNullable: true }),
          text('title', 200),
          longText('typeFields', { isNullable: true }),
          text('issueDate', 10, { isNullable: true }),
          text('expiryDate', 10, { isNullable: true }),
          text('visibility', 10),
          text('mime', 60),
          integer('pages'),
          integer('width', { isNullable: true }),
          integer('height', { isNullable: true }),
          bigInteger('sizeBytes'),
          bigInteger('storedBytes'),
          text('sha256', 64),
          integer('thumbnailBytes'),
          integer('thumbnailStoredBytes'),
          text('thumbnailSha256', 64),
          text('keyId', 32),
          text('wrappedKey', 120),
          text('uploadedByKind', 20),
          uuid('uploadedByStaffId', { isNullable: true }),
          uuid('uploadedByStructureId', { isNullable: true }),
          timestamp('deletedAt', { isNullable: true }),
          createdAt(),
          updatedAt(),
        ],
        indices: [
          { name: 'IDX_documents_vault', columnNames: ['beneficiaryId', 'deletedAt', 'createdAt'] },
          { name: 'IDX_documents_shared', columnNames: ['beneficiaryId', 'visibility', 'deletedAt', 'createdAt'] },
          { name: 'IDX_documents_type', columnNames: ['typeId'] },
          { name: 'IDX_documents_trash', columnNames: ['deletedAt'] },
          { name: 'IDX_documents_key', columnNames: ['keyId'] },
        ],
        foreignKeys: [
          {
            columnNames: ['beneficiaryId'],
            referencedTableName: 'beneficiaries',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['typeId'],
            referencedTableName: 'document_types',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'document_uploads',
        columns: [
          // The id the document will have: its blobs are written under it before the row exists.
          id(),
          uuid('beneficiaryId'),
          text('actorKey', 80),
          bigInteger('bytes'),
          text('status', 20),
          timestamp('finishedAt', { isNullable: true }),
          createdAt(),
        ],
        indices: [
          { name: 'IDX_document_uploads_actor', columnNames: ['actorKey', 'createdAt'] },
          { name: 'IDX_document_uploads_vault', columnNames: ['beneficiaryId', 'status'] },
          { name: 'IDX_document_uploads_status', columnNames: ['status', 'createdAt'] },
        ],
        foreignKeys: [
          {
            columnNames: ['beneficiaryId'],
            referencedTableName: 'beneficiaries',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );

    // When the DataSource knows the entity, its transformer turns the field list into JSON itself.
    const entityEncodesJson = queryRunner.connection.entityMetadatas.some((m) => m.tableName === 'document_types');
    const now = new Date();
    await queryRunner.manager
      .createQueryBuilder()
      .insert()
      .into('document_types')
      .values(
        documentTypeSeeds.map((seed, position) => ({
          id: documentTypeId(seed.code),
          code: seed.code,
          theme: seed.theme,
          label: seed.label,
          fields: entityEncodesJson ? seed.fields : JSON.stringify(seed.fields),
          validityMonths: seed.validityMonths,
          retentionMonths: seed.retentionMonths,
          position,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .execute();
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['document_uploads', 'documents', 'document_types']) await queryRunner.dropTable(table);
  }
}
