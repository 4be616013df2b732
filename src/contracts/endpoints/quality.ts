import { qualityCasesQuery, qualityCasesResult, qualityQuery, qualityResult } from '../quality';
import { endpoint } from './endpoint';

export const qualityEndpoints = {
  /** Completeness, timeliness and consistency by unit or institution, with the totals. */
  summary: endpoint({ method: 'GET', path: '/api/v1/quality', query: qualityQuery, responses: { 200: qualityResult } }),
  /** The cases failing one check, a page at a time. */
  cases: endpoint({ method: 'GET', path: '/api/v1/quality/cases', query: qualityCasesQuery, responses: { 200: qualityCasesResult } }),
};
