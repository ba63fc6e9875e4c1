import { z } from 'zod';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import { forbidden, notFound, staleVersion } from '../../../platform/http/errors.ts';
import type { customerFilter, segmentBody, segmentPatch } from '../customers.contracts.ts';
import * as repo from '../segments.repository.ts';
import { filterConditions } from './list-customers.ts';

type Filter = z.infer<typeof customerFilter>;

/** Stored filters keep only what was given, so a segment reads back as it was saved. */
const compact = (f: Filter) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));

export function presentSegment(s: repo.SegmentRow, actor: Actor) {
  return { id: s.id, name: s.name, filter: s.filter as Record<string, unknown>, shared: s.shared, owner: s.owner, mine: s.ownerId === actor.userId, version: s.version };
}

/** CUS-4 segments: saved list filters, private or shared, validated exactly like the list query. */
/** The actor's own segments and the shared ones. */
export const listSegments = (ctx: AppContext, actor: Actor) => repo.listSegments(ctx.database.db, actor.userId);

/** One segment the actor may see (own or shared); anyone else's private one is 404. */
export async function getSegment(ctx: AppContext, actor: Actor, id: string) {
  const segment = await repo.findSegment(ctx.database.db, id, actor.userId);
  if (!segment) throw notFound('segment');
  return segment;
}

export async function createSegment(ctx: AppContext, actor: Actor, input: z.infer<typeof segmentBody>) {
  // Same checks as a list request with this filter (custom fields must exist and match their type).
  await filterConditions(ctx.database.db, actor, input.filter, 'filter.');
  const id = await repo.insertSegment(ctx.database.db, { ownerId: actor.userId, name: input.name, filter: compact(input.filter), shared: input.shared });
  return (await repo.findSegment(ctx.database.db, id, actor.userId))!;
}

/** Only the owner edits or deletes a segment (admins may delete any); others see shared ones read-only. */
async function ownSegment(ctx: AppContext, actor: Actor, id: string, allowAdmin: boolean) {
  const segment = await repo.findSegment(ctx.database.db, id, actor.userId);
  if (!segment) throw notFound('segment');
  if (segment.ownerId !== actor.userId && !(allowAdmin && actor.role === 'admin')) throw forbidden('Only the owner can change this segment.');
  return segment;
}

export async function updateSegment(ctx: AppContext, actor: Actor, id: string, version: number, input: z.infer<typeof segmentPatch>) {
  const segment = await ownSegment(ctx, actor, id, false);
  if (segment.version !== version) throw staleVersion();
  if (input.filter) await filterConditions(ctx.database.db, actor, input.filter, 'filter.');
  const values = { ...input, ...(input.filter ? { filter: compact(input.filter) } : {}) };
  if (!(await repo.updateSegment(ctx.database.db, id, version, values))) throw staleVersion();
  return (await repo.findSegment(ctx.database.db, id, actor.userId))!;
}

export async function deleteSegment(ctx: AppContext, actor: Actor, id: string) {
  await ownSegment(ctx, actor, id, true);
  await repo.deleteSegment(ctx.database.db, id);
}
