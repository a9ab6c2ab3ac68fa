/** Column definitions that entities repeat, kept in step with `database/migrations/columns.ts`. */
export const uuidColumn = { type: 'varchar', length: 36 } as const;
export const primaryUuid = { ...uuidColumn, primary: true } as const;
export const timestampColumn = { type: 'datetime', precision: 3 } as const;
export const nullableTimestamp = { ...timestampColumn, nullable: true } as const;
export const varchar = (length: number, nullable = false) => ({ type: 'varchar', length, nullable }) as const;

export const timestampColumns = {
  createdAt: timestampColumn,
  updatedAt: timestampColumn,
} as const;
