import type { FastifyBaseLogger } from 'fastify';
import type { AppConfig } from '../config.ts';
import type { Database } from './db/database.ts';
import type { EventBus } from './events/dispatcher.ts';
import type { FileStore } from './files/files.ts';
import type { Jobs } from './jobs/jobs.ts';
import type { Mailer } from './mail/mailer.ts';
import type { Notifications } from './notifications/notifications.ts';
import type { ModuleDefinition } from './module.ts';
import type { Settings } from './settings/settings.ts';

/** Pushes to connected browsers; implemented over Socket.IO (fanned out across processes in server mode). */
export interface Realtime {
  toUser(userId: string, event: string, payload: unknown): void;
  /** Ends every socket of the user at once, on every process. */
  disconnectUser(userId: string): void;
  /** Emits to a room a module let sockets join (e.g. one audience of one ticket). */
  toRoom(room: string, event: string, payload: unknown): void;
  /** Lets modules decide which room a socket's `subscribe` topic joins (null: refused, no data). */
  addRoomAuthorizer(authorizer: RoomAuthorizer): void;
}

/** Maps a topic a signed-in socket asks for ("ticket:TCK-000001") to the room it may join, or null. */
export type RoomAuthorizer = (actor: import('./auth/actor.ts').Actor, topic: string) => Promise<string | null>;

/** What use cases get: the database and the platform services, nothing from HTTP. */
export interface AppContext {
  config: AppConfig;
  database: Database;
  log: FastifyBaseLogger;
  realtime: Realtime;
  /** Runs after a transaction commits: wakes the outbox dispatcher so events go out at once. */
  afterCommit(): void;
  /** Background jobs: define before start; send(name, data, { tx }) enqueues with the use case's writes. */
  jobs: Jobs;
  /** Subscribers to outbox events (recordEvent); each delivery is a retried job. */
  events: EventBus;
  /** enqueueMail(tx, …): SMTP when configured, otherwise the in-app outbox. */
  mail: Mailer;
  /** notify(tx, userId, …): in-app (realtime) and e-mail per the user's preferences. */
  notifications: Notifications;
  /** Uploaded files; modules add who may read them with registerFileAccess. */
  files: FileStore;
  settings: Settings;
  /** Every domain module, in registry order: modules loop over it for each other's contributions. */
  modules: readonly ModuleDefinition[];
}
