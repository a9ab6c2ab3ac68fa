import type { TableColumnOptions } from 'typeorm';

/**
 * Column builders shared by every migration so that both dialects get the same shapes:
 * UUIDs as char(36), timestamps with milliseconds in UTC, bounded strings.
 */
export const uuid = (name: string, options: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  ...options,
});

export const id = (): TableColumnOptions => uuid('id', { isPrimary: true });

export const text = (name: string, length: number, options: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  ...options,
});

export const longText = (name: string, options: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'text',
  ...options,
});

export const timestamp = (name: string, options: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'datetime',
  precision: 3,
  ...options,
});

export const integer = (name: string, options: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'integer',
  ...options,
});

export const bigInteger = (name: string, options: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'bigint',
  ...options,
});

export const boolean = (name: string, options: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'boolean',
  ...options,
});

export const createdAt = () => timestamp('createdAt');
export const updatedAt = () => timestamp('updatedAt');
