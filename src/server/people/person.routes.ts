import { idParams } from '../../contracts/common';
import { personDetailView, personSearchQuery, personSearchResponse, personUpdate } from '../../contracts/people';
import type { Deps } from '../deps';
import { requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';
import { createPersonService } from './person.service';

const tags = ['people'];

/** Persons are created inside cases (victims, suspects); here they are found, read and corrected. */
export function registerPeopleRoutes(app: App, deps: Deps) {
  const people = createPersonService(deps);
  const read = requirePermission('person.read');

  app.get('/api/v1/persons', { preValidation: read, schema: { tags, querystring: personSearchQuery, response: { 200: personSearchResponse } } }, async (req) =>
    people.search(req.ctx, req.query),
  );
  app.get('/api/v1/persons/:id', { preValidation: read, schema: { tags, params: idParams, response: { 200: personDetailView } } }, async (req) =>
    people.get(req.ctx, req.params.id),
  );
  app.patch('/api/v1/persons/:id', { preValidation: requirePermission('person.write'), schema: { tags, params: idParams, body: personUpdate, response: { 200: personDetailView } } }, async (req) =>
    people.update(req.ctx, req.params.id, req.body),
  );
}
