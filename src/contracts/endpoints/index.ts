import { adminEndpoints } from './admin';
import { caseEndpoints } from './cases';
import { hotlineEndpoints } from './hotline';
import { inboxEndpoints } from './inbox';
import { jobEndpoints } from './jobs';
import { shelterEndpoints } from './protection';
import { qualityEndpoints } from './quality';
import { searchEndpoints } from './search';

/**
 * The API's operations that have moved to one shared table: the server registers each from here
 * (src/server/http/endpoint-route.ts) and the web calls them through src/web/api/endpoints.ts. To move
 * another route: describe it in its feature's file here, register it with `registerEndpoint`, call it
 * as `api.<feature>.<name>(…)`.
 */
export const endpoints = {
  cases: caseEndpoints,
  inbox: inboxEndpoints,
  hotline: hotlineEndpoints,
  search: searchEndpoints,
  shelters: shelterEndpoints,
  jobs: jobEndpoints,
  quality: qualityEndpoints,
  admin: adminEndpoints,
};
