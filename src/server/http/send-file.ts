import type { FastifyReply } from 'fastify';

/** A file answer: its type, a download name, and never cached (it may hold what only this reader may see). */
export function sendFile(reply: FastifyReply, file: { body: unknown; contentType: string; filename: string }) {
  reply.header('content-type', file.contentType);
  reply.header('content-disposition', `attachment; filename="${file.filename}"`);
  reply.header('cache-control', 'no-store');
  return reply.send(file.body);
}
