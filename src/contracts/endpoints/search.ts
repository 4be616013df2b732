import { searchQuery, searchResponse } from '../search';
import { endpoint } from './endpoint';

export const searchEndpoints = {
  /** Cases by code or file number; persons by document or name for those who may read identity. */
  run: endpoint({ method: 'GET', path: '/api/v1/search', query: searchQuery, responses: { 200: searchResponse } }),
};
