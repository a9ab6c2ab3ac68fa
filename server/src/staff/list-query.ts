import { z } from 'zod';

/**
 * Query parameters shared by the back-office lists (react-admin friendly): `page` from 1,
 * `perPage` up to 100, `sort` = a field name, `-field` for descending, `q` a free-text filter.
 * Lists answer `{ data, total }`.
 */
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(25),
  q: z.string().trim().max(100).optional(),
};

/** `sort` accepting `field` and `-field` for each allowed field. */
export function sortQuery<const F extends string>(fields: readonly [F, ...F[]], fallback: F | `-${F}`) {
  const allowed = new Set<string>([...fields, ...fields.map((f) => `-${f}`)]);
  return z
    .string()
    .refine((value) => allowed.has(value), { message: `expected one of: ${[...allowed].join(', ')}` })
    .default(fallback)
    .transform((value) =>
      value.startsWith('-')
        ? { field: value.slice(1) as F, order: 'DESC' as const }
        : { field: value as F, order: 'ASC' as const },
    );
}

export const listOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), total: z.number().int() });

export const offsetOf = ({ page, perPage }: { page: number; perPage: number }) => (page - 1) * perPage;

/** A `LIKE … ESCAPE '!'` pattern matching `q` anywhere, case-insensitively (compare with LOWER()). */
export const containsPattern = (q: string) => `%${q.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
