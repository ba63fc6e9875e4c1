import type { CustomFieldDefinition } from '../custom-fields/custom-fields.ts';
import { fold } from './mapping.ts';

/**
 * PLT-9 cells, read the same by every import: what a spreadsheet writes for a list, a yes/no, a
 * number, and what the exports write against formula injection.
 */

/** Exports write '+84…' as "'+84…" against formula injection; reading it back removes the apostrophe. */
export const unescapeCell = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v).trim();

/** "a, b; c" → ['a', 'b', 'c'] (each once). */
export const splitList = (v: string) => [...new Set(v.split(/[;,]/).map((s) => s.trim()).filter(Boolean))];

const TRUE = new Set(['true', 'yes', 'y', '1', 'x', 'co', 'da', 'shi']);
const FALSE = new Set(['false', 'no', 'n', '0', 'khong', 'ne', 'fou']);

/** A yes/no cell in any of the four languages; anything else is returned as typed, for the field's rule to refuse. */
export function booleanCell(v: string): boolean | string {
  const f = fold(v);
  if (TRUE.has(f) || v === '是') return true;
  if (FALSE.has(f) || v === '否') return false;
  return v;
}

/** A number cell ("1,5" too); anything else is returned as typed. */
export const numberCell = (v: string): number | string => (/^-?\d+([.,]\d+)?$/.test(v) ? Number(v.replace(',', '.')) : v);

/**
 * A cell as the value a custom field of that type expects (the API takes JSON values); the custom
 * field rules (applyCustomValues) then accept or refuse it with their own message.
 */
export function customValue(def: CustomFieldDefinition | undefined, v: string): unknown {
  switch (def?.type) {
    case 'number':
      return numberCell(v);
    case 'checkbox':
      return booleanCell(v);
    case 'multi-select':
      return splitList(v);
    default:
      return v;
  }
}
