import { idParams } from '../common';
import { callCreate, callList, callListQuery, callView } from '../hotline';
import { endpoint } from './endpoint';

export const hotlineEndpoints = {
  calls: endpoint({ method: 'GET', path: '/api/v1/hotline/calls', query: callListQuery, responses: { 200: callList } }),
  /** 201 when made, 200 when the Idempotency-Key (or externalId) had already made it. */
  createCall: endpoint({ method: 'POST', path: '/api/v1/hotline/calls', body: callCreate, responses: { 200: callView, 201: callView } }),
  call: endpoint({ method: 'GET', path: '/api/v1/hotline/calls/:id', params: idParams, responses: { 200: callView } }),
};
