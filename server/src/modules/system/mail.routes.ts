import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { iso, uuidParam } from '../../platform/http/common-schemas.ts';
import { pageQuery, pageSchema } from '../../platform/http/pagination.ts';
import { MAIL_STATUSES } from '../../platform/mail/mailer.ts';

const TAG = ['admin'];

const mailSummary = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  /** queued → sent | failed; `outbox` when SMTP_URL is not configured. */
  status: z.enum(MAIL_STATUSES),
  kind: z.string().nullable(),
  attempts: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
const mailDetail = mailSummary.extend({ text: z.string(), html: z.string().nullable() });

type Summary = { id: string; to: string; subject: string; status: string; kind: string | null; attempts: number; error: string | null; createdAt: Date; sentAt: Date | null };
const present = (m: Summary) => ({
  id: m.id,
  to: m.to,
  subject: m.subject,
  status: m.status as (typeof MAIL_STATUSES)[number],
  kind: m.kind,
  attempts: m.attempts,
  error: m.error,
  createdAt: m.createdAt.toISOString(),
  sentAt: iso(m.sentAt),
});

/** PLT-10: every e-mail the system sent or holds in its outbox, for admins. */
export const mailRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/api/v1/admin/mail', {
    config: { access: 'mail.read' },
    schema: {
      tags: TAG,
      summary: 'List outgoing e-mail, newest first',
      querystring: z.object({ ...pageQuery, status: z.enum(MAIL_STATUSES).optional() }),
      response: { 200: pageSchema(mailSummary) },
    },
  }, async (request) => {
    const result = await ctx.mail.list(request.query);
    return { items: result.items.map(present), nextCursor: result.nextCursor };
  });

  app.get('/api/v1/admin/mail/:id', {
    config: { access: 'mail.read' },
    schema: { tags: TAG, summary: 'One e-mail with its body', params: uuidParam, response: { 200: mailDetail } },
  }, async (request) => {
    const mail = await ctx.mail.get(request.params.id);
    return { ...present(mail), text: mail.text, html: mail.html };
  });
};
