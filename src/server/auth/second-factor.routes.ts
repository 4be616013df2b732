import { z } from 'zod';
import { enrolmentConfirmBody, enrolmentConfirmed, enrolmentStart, enrolmentStartBody, secondFactorStatus } from '../../contracts/auth';
import { idParams } from '../../contracts/common';
import { requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';
import type { SecondFactorService } from './second-factor.service';

/** The user's own second factor (these routes stay open during a forced enrolment) and the administrator's reset. */
export function registerSecondFactorRoutes(app: App, secondFactors: SecondFactorService) {
  const tags = ['auth'];
  const noStore = { 'cache-control': 'no-store' };

  app.get('/api/v1/auth/second-factor', { schema: { tags, response: { 200: secondFactorStatus } } }, async (req) =>
    secondFactors.status(req.ctx.actor.userId, req.ctx.actor.roles),
  );

  app.post('/api/v1/auth/second-factor/enrolment', { schema: { tags, body: enrolmentStartBody, response: { 200: enrolmentStart } } }, async (req, reply) => {
    reply.headers(noStore);
    return secondFactors.startEnrolment(req.ctx, req.body.currentPassword);
  });

  app.post(
    '/api/v1/auth/second-factor/enrolment/confirm',
    { schema: { tags, body: enrolmentConfirmBody, response: { 200: enrolmentConfirmed } } },
    async (req, reply) => {
      reply.headers(noStore);
      return secondFactors.confirmEnrolment(req.ctx, req.body.code);
    },
  );

  const manageUsers = requirePermission('admin.users.manage');
  app.get('/api/v1/users/:id/second-factor', { preValidation: manageUsers, schema: { tags: ['admin'], params: idParams, response: { 200: secondFactorStatus } } }, async (req) =>
    secondFactors.statusOfUser(req.params.id),
  );

  app.delete('/api/v1/users/:id/second-factor', { preValidation: manageUsers, schema: { tags: ['admin'], params: idParams, response: { 204: z.null() } } }, async (req, reply) => {
    await secondFactors.reset(req.ctx, req.params.id);
    return reply.code(204).send(null);
  });
}
