import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { filesRoutes } from './files.routes.ts';
import { historyRoutes } from './history.routes.ts';
import { jobsRoutes } from './jobs.routes.ts';
import { mailRoutes } from './mail.routes.ts';
import { notificationRoutes } from './notifications.routes.ts';
import { settingsRoutes } from './settings.routes.ts';

/** The HTTP face of the platform services: jobs, mail, settings, files, notifications, history. */
export const platformRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(jobsRoutes, { ctx });
  await app.register(mailRoutes, { ctx });
  await app.register(settingsRoutes, { ctx });
  await app.register(filesRoutes, { ctx });
  await app.register(notificationRoutes, { ctx });
  await app.register(historyRoutes, { ctx });
};
