/** Column definitions that every entity repeats, kept in step with `database/migrations/columns.ts`. */
export const timestampColumns = {
  createdAt: { type: 'datetime', precision: 3 },
  updatedAt: { type: 'datetime', precision: 3 },
} as const;
