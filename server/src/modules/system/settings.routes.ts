import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/auth/auth-hook.ts';
import { settingsPatch, settingsResponse } from '../../platform/settings/settings.ts';

const TAG = ['admin'];

/** Admin-set values (upload limit, …); each has a default until an admin changes it. */
export const settingsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/api/v1/admin/settings', {
    config: { access: 'settings.manage' },
    schema: { tags: TAG, summary: 'System settings', response: { 200: settingsResponse } },
  }, async () => ctx.settings.all());

  app.patch('/api/v1/admin/settings', {
    config: { access: 'settings.manage' },
    schema: { tags: TAG, summary: 'Change system settings (only the fields sent)', body: settingsPatch, response: { 200: settingsResponse } },
  }, async (request) => ctx.settings.update(actorOf(request).userId, request.body as Record<string, Record<string, unknown>>));
};
