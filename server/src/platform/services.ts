import type { FastifyBaseLogger } from 'fastify';
import type { AppConfig } from '../config.ts';
import type { Realtime } from './context.ts';
import type { Database } from './db/database.ts';
import { EventBus } from './events/dispatcher.ts';
import { FileStore } from './files/files.ts';
import { Jobs } from './jobs/jobs.ts';
import { Mailer } from './mail/mailer.ts';
import { Notifications, type RecipientDirectory } from './notifications/notifications.ts';
import { Settings } from './settings/settings.ts';

export interface PlatformServices {
  jobs: Jobs;
  events: EventBus;
  mail: Mailer;
  notifications: Notifications;
  files: FileStore;
  settings: Settings;
  /** Wakes the outbox dispatcher (AppContext.afterCommit). */
  afterCommit(): void;
  /** Installs the job schema and queues; runs workers and schedules only when config.jobs. */
  start(): Promise<void>;
  /** Stops dispatching, then lets running jobs finish. */
  stop(): Promise<void>;
}

/** Builds the platform services in dependency order. Modules define their jobs and subscribers before start(). */
export function createPlatformServices(deps: {
  config: AppConfig;
  database: Database;
  log: FastifyBaseLogger;
  realtime: Realtime;
  recipients: RecipientDirectory;
}): PlatformServices {
  const { config, database, log, realtime, recipients } = deps;
  const jobs = new Jobs(database.executor, log, { workers: config.jobs, schedules: config.schedules }, () => database.openSession());
  const events = new EventBus(database, jobs, log);
  // Inside a request answered atomically, after its outer commit: the dispatcher would find nothing before.
  const afterCommit = () => database.afterCommit(() => events.kick());
  const mail = new Mailer(config, database, jobs, log);
  const notifications = new Notifications({ config, database, events, mail, realtime, recipients, afterCommit });
  const settings = new Settings(database);
  const files = new FileStore(config.filesDir, database, settings, log);
  return {
    jobs,
    events,
    mail,
    notifications,
    files,
    settings,
    afterCommit,
    async start() {
      await jobs.start();
      events.start();
    },
    async stop() {
      await events.stop();
      await jobs.stop();
      mail.close();
    },
  };
}
