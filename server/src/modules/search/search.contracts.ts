import { z } from 'zod';

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(100),
  /** Per group. */
  limit: z.coerce.number().int().min(1).max(10).default(5),
});
export type SearchQuery = z.infer<typeof searchQuery>;

/** PLT-8: a group is present only when the caller may read that kind of record. */
export const searchResponse = z.object({
  customers: z.array(z.object({ id: z.uuid(), number: z.string(), name: z.string(), hint: z.string().nullable() })).optional(),
  tickets: z.array(z.object({ id: z.uuid(), number: z.string(), title: z.string(), status: z.string() })).optional(),
});
