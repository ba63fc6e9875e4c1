import { z } from 'zod';

/**
 * A query-string parameter that carries JSON (e.g. custom={"tier":"gold"}): the text is parsed before
 * the schema checks it; the same value as an object (a saved filter, a body) passes as it is. Text that
 * is not JSON reaches the schema unchanged, so the 400 names the parameter.
 */
export function jsonQuery<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }, schema);
}
