import { caseListQuery, caseListResponse, caseParams, caseView } from '../cases';
import { endpoint } from './endpoint';

/** The case register's reads (the writes are registered in src/server/cases/case.routes.ts, to move here next). */
export const caseEndpoints = {
  list: endpoint({ method: 'GET', path: '/api/v1/cases', query: caseListQuery, responses: { 200: caseListResponse } }),
  get: endpoint({ method: 'GET', path: '/api/v1/cases/:id', params: caseParams, responses: { 200: caseView } }),
};
