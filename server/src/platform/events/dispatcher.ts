import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database.ts';
import type { Jobs } from '../jobs/jobs.ts';
import { type EventName, type EventPayload, isCatalogued } from './catalogue.ts';
import { lockPendingEvents, markDispatched, markUnheard } from './outbox.ts';

export interface EventMeta {
  event: string;
  outboxId: number;
  createdAt: string;
}

export type EventHandler<P = any> = (payload: P, meta: EventMeta) => Promise<void>;

interface Delivery {
  outboxId: number;
  event: string;
  handler: string;
  payload: Record<string, unknown>;
  createdAt: string;
}

export const DELIVER_JOB = 'events.deliver';
export const DISPATCH_JOB = 'outbox.dispatch';
const BATCH = 100;
const KICK_DELAY_MS = 5;

/** The same (event row, subscriber) always maps to the same job id, so a second enqueue is a no-op. */
function deliveryJobId(outboxId: number, handler: string): string {
  const h = createHash('sha256').update(`${outboxId}:${handler}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Hands outbox events to their subscribers. Each (event, subscriber) becomes its own pg-boss job,
 * enqueued in the transaction that marks the event dispatched: an event is delivered to every
 * subscriber exactly when it leaves the outbox, and each delivery is retried on its own.
 */
export class EventBus {
  private readonly subscribers = new Map<string, string[]>();
  private readonly handlers = new Map<string, { event: string; fn: EventHandler<any> }>();
  /** kick() may be called from inside a request's transaction: dispatch must not inherit it. */
  private readonly detached = AsyncLocalStorage.snapshot();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private kicked = false;
  private active = false;

  constructor(
    private readonly database: Database,
    private readonly jobs: Jobs,
    private readonly log: FastifyBaseLogger,
  ) {
    jobs.define<Delivery>({
      name: DELIVER_JOB,
      description: 'Delivers one domain event to one subscriber (notifications, e-mail, webhooks), with retries.',
      handler: (data) => this.deliver(data),
      retryLimit: 8,
      retryDelaySeconds: 5,
      retryBackoff: true,
    });
    jobs.define({
      name: DISPATCH_JOB,
      description: 'Hands undelivered domain events to their subscribers. A safety net: commits normally trigger it at once.',
      cron: '* * * * *',
      retryLimit: 0,
      handler: async () => this.dispatch(),
    });
  }

  /** A subscriber of one catalogued event gets its payload typed by the event's schema. */
  subscribe<N extends EventName>(event: N, handlerName: string, handler: EventHandler<EventPayload<N>>): void {
    if (!isCatalogued(event)) throw new Error(`Event handler ${handlerName} subscribes to ${event}, which no catalogue declares`);
    if (this.handlers.has(handlerName)) throw new Error(`Event handler ${handlerName} registered twice`);
    this.handlers.set(handlerName, { event, fn: handler });
    this.subscribers.set(event, [...(this.subscribers.get(event) ?? []), handlerName]);
  }

  /** Moves every pending outbox row into delivery jobs, in batches; returns how many of each. */
  async dispatch(): Promise<{ events: number; deliveries: number }> {
    const total = { events: 0, deliveries: 0 };
    for (let first = true; ; first = false) {
      const batch = await this.database.transaction(async (tx) => {
        // Events nobody subscribes to are only marked, all at once (the first batch's transaction).
        const unheard = first ? await markUnheard(tx, [...this.subscribers.keys()]) : 0;
        const rows = await lockPendingEvents(tx, BATCH);
        // Every delivery of the batch in one insert: a statement per delivery was most of the outbox's cost under load.
        const deliveries = rows.flatMap((row) =>
          (this.subscribers.get(row.event) ?? []).map((handler) => {
            const data: Delivery = { outboxId: row.id, event: row.event, handler, payload: row.payload, createdAt: row.createdAt.toISOString() };
            return { data: data as unknown as Record<string, unknown>, singletonKey: `${row.id}:${handler}`, id: deliveryJobId(row.id, handler) };
          }),
        );
        await this.jobs.sendMany(DELIVER_JOB, deliveries, { tx });
        await markDispatched(tx, rows.map((r) => r.id));
        return { events: rows.length, unheard, deliveries: deliveries.length };
      });
      total.events += batch.events + batch.unheard;
      total.deliveries += batch.deliveries;
      if (batch.events < BATCH) break;
    }
    // The deliveries' queue, and the queues a use case enqueued jobs in within the transaction that led here.
    this.jobs.wakeEnqueued();
    return total;
  }

  private async deliver(data: Delivery): Promise<void> {
    const subscriber = this.handlers.get(data.handler);
    if (!subscriber) {
      // A subscriber removed in a newer version: nothing to retry.
      this.log.warn({ handler: data.handler, event: data.event }, 'event delivery for an unknown handler dropped');
      return;
    }
    await subscriber.fn(data.payload, { event: data.event, outboxId: data.outboxId, createdAt: data.createdAt });
  }

  /** Dispatches soon after a commit; many kicks in a burst cost one dispatch. */
  kick(): void {
    if (!this.active) return;
    this.kicked = true;
    if (this.timer || this.running) return;
    this.timer = setTimeout(() => this.detached(() => void this.drainKicks()), KICK_DELAY_MS);
  }

  private async drainKicks() {
    this.timer = undefined;
    while (this.kicked && this.active) {
      this.kicked = false;
      this.running = this.dispatch().then(
        () => undefined,
        (error) => this.log.error({ err: error }, 'outbox dispatch failed; the scheduled dispatch will retry'),
      );
      await this.running;
    }
    this.running = undefined;
  }

  start(): void {
    this.active = true;
    this.kick();
  }

  async stop(): Promise<void> {
    this.active = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
