/** Only the fields that differ from the loaded record: an edit never re-sends (and so reverts) the rest. */
export function changedFields<T extends object>(next: T, before: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) out[key] = next[key];
  }
  return out;
}
