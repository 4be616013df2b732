import { listResponse } from '../common';
import { shelterListQuery, shelterView } from '../protection';
import { endpoint } from './endpoint';

export const shelterEndpoints = {
  list: endpoint({ method: 'GET', path: '/api/v1/shelters', query: shelterListQuery, responses: { 200: listResponse(shelterView) } }),
};
