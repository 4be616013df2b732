import { jobList, jobListQuery, jobParams, jobStart, jobView } from '../jobs';
import { endpoint } from './endpoint';

/**
 * Background jobs of the reports and exports: start one (201, queued), follow it, list one's own recent
 * ones, cancel. The file is downloaded from `jobResultPath(id)` (a file, not JSON).
 */
export const jobEndpoints = {
  start: endpoint({ method: 'POST', path: '/api/v1/jobs', body: jobStart, responses: { 201: jobView } }),
  list: endpoint({ method: 'GET', path: '/api/v1/jobs', query: jobListQuery, responses: { 200: jobList } }),
  get: endpoint({ method: 'GET', path: '/api/v1/jobs/:id', params: jobParams, responses: { 200: jobView } }),
  cancel: endpoint({ method: 'POST', path: '/api/v1/jobs/:id/cancel', params: jobParams, responses: { 200: jobView } }),
};
