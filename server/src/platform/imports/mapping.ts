import type { CustomFieldDefinition } from '../custom-fields/custom-fields.ts';
import type { FieldError } from '../http/errors.ts';

/**
 * PLT-9 column mapping, the same for every import (customers, tickets): one target per column of the
 * file — an entity field, `custom.<key>` for an active custom field of the entity, or null (ignored).
 * An import describes its fields once (an ImportFields) and gets the proposal from the header names,
 * the check of a chosen mapping and the list of targets from here.
 */
export interface ImportFields {
  /** Each entity field and the header words (folded, see `fold`) that propose it, in preference order. */
  synonyms: Record<string, string[]>;
  /** Groups of which at least one must be mapped, with the message naming what is missing. */
  required: { anyOf: string[]; message: string }[];
}

export const CUSTOM_PREFIX = 'custom.';

/** A header as compared: lower case, no accents, letters and digits only ("E-Mail Adresse" → "emailadresse"). */
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

const activeDefs = (defs: CustomFieldDefinition[]) => defs.filter((d) => d.active);

/** Every target a column may fill: the entity's fields, then its active custom fields. */
export function mappingTargets(fields: ImportFields, defs: CustomFieldDefinition[]): string[] {
  return [...Object.keys(fields.synonyms), ...activeDefs(defs).map((d) => `${CUSTOM_PREFIX}${d.key}`)];
}

/** The admin's labels of the custom targets, for the mapping step. */
export function customLabels(defs: CustomFieldDefinition[]): Record<string, string> {
  return Object.fromEntries(activeDefs(defs).map((d) => [`${CUSTOM_PREFIX}${d.key}`, d.label]));
}

/** Proposes one target per header: exact target or custom key/label first, then synonyms, each target once. */
export function proposeMapping(headers: string[], fields: ImportFields, defs: CustomFieldDefinition[]): (string | null)[] {
  const taken = new Set<string>();
  const targets = Object.keys(fields.synonyms);
  const candidates = (h: string): string[] => {
    const f = fold(h);
    const exact = targets.filter((t) => fold(t) === f);
    const custom = activeDefs(defs)
      .filter((d) => fold(d.key) === f || fold(`${CUSTOM_PREFIX}${d.key}`) === f || fold(d.label) === f)
      .map((d) => `${CUSTOM_PREFIX}${d.key}`);
    const syn = Object.entries(fields.synonyms).filter(([, words]) => words.includes(f)).map(([t]) => t);
    return [...exact, ...custom, ...syn];
  };
  return headers.map((h) => {
    const target = candidates(h).find((t) => !taken.has(t)) ?? null;
    if (target) taken.add(target);
    return target;
  });
}

/**
 * Mapping problems that refuse the whole file before any row is read (fields `mapping.<column>`, or
 * `mapping` for what is missing): one target per column, known targets only, each once, every
 * required group and every required active custom field mapped.
 */
export function checkMapping(mapping: (string | null)[], headers: string[], fields: ImportFields, defs: CustomFieldDefinition[]): FieldError[] {
  if (mapping.length !== headers.length) return [{ field: 'mapping', message: `Give one target (or null) for each of the ${headers.length} columns.` }];
  const known = new Set(mappingTargets(fields, defs));
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  mapping.forEach((target, i) => {
    if (!target) return;
    if (!known.has(target)) errors.push({ field: `mapping.${i}`, message: `Unknown target "${target}".` });
    if (seen.has(target)) errors.push({ field: `mapping.${i}`, message: `"${target}" is already filled by column "${headers[seen.get(target)!]}".` });
    seen.set(target, i);
  });
  for (const group of fields.required) {
    if (!group.anyOf.some((t) => seen.has(t))) errors.push({ field: 'mapping', message: `Missing required column: ${group.message}.` });
  }
  for (const d of activeDefs(defs)) {
    if (d.required && !seen.has(`${CUSTOM_PREFIX}${d.key}`)) errors.push({ field: 'mapping', message: `Missing required column: custom field "${d.label}" (${d.key}).` });
  }
  return errors;
}

/**
 * A record by its targets: the (cleaned) non-empty cells of the mapped columns. A row with more or
 * fewer values than the header is a row problem the caller reports (`row`).
 */
export function mappedCells(values: string[], mapping: (string | null)[], clean: (v: string) => string): Map<string, string> {
  const cells = new Map<string, string>();
  mapping.forEach((target, i) => {
    if (!target) return;
    const v = clean(values[i] ?? '');
    if (v) cells.set(target, v);
  });
  return cells;
}
