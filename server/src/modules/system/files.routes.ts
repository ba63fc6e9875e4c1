import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/auth-hook.ts';
import type { AppContext } from '../../platform/context.ts';
import { uuidParam } from '../../platform/http/common-schemas.ts';
import { contentDisposition, type FileRow, servedType } from '../../platform/files/files.ts';

const TAG = ['files'];
/** Whatever a file holds, it never runs as a page of ours. */
const FILE_CSP = "sandbox; default-src 'none'";

const fileResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  size: z.number().int(),
  /** Decided from the bytes, not from the name or the client's claim. */
  mimeType: z.string(),
  /** A verified PNG, JPEG, GIF or WebP: the only files shown inline. */
  inlineImage: z.boolean(),
  sha256: z.string(),
  url: z.string(),
  createdAt: z.string(),
});

const present = (f: FileRow) => ({
  id: f.id,
  name: f.name,
  size: f.size,
  mimeType: f.mimeType,
  inlineImage: f.inlineImage,
  sha256: f.sha256,
  url: `/api/v1/files/${f.id}`,
  createdAt: f.createdAt.toISOString(),
});

export const filesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post('/api/v1/files', {
    config: { access: 'files.upload' },
    schema: {
      tags: TAG,
      summary: 'Upload one file (multipart/form-data, field "file"; limit: setting uploads.maxMb)',
      consumes: ['multipart/form-data'],
      response: { 201: fileResponse },
    },
  }, async (request, reply) => reply.status(201).send(present(await ctx.files.upload(actorOf(request), request))));

  app.get('/api/v1/files/:id', {
    config: { access: 'authenticated' },
    schema: { tags: TAG, summary: 'Download a file (inline only for verified raster images)', params: uuidParam },
  }, async (request, reply) => {
    const { file, stream } = await ctx.files.open(actorOf(request), request.params.id);
    return reply
      .header('Content-Type', servedType(file))
      .header('Content-Length', String(file.size))
      .header('Content-Disposition', contentDisposition(file.inlineImage ? 'inline' : 'attachment', file.name))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Security-Policy', FILE_CSP)
      .header('Cache-Control', 'private, no-cache')
      .header('ETag', `"${file.sha256}"`)
      .send(stream);
  });
};
