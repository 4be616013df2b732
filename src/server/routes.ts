import type { ApiTokenService } from './auth/api-token.service';
import type { Deps } from './deps';
import type { App } from './http/types';
import { registerAdminRoutes } from './admin/admin.routes';
import { registerAuditRoutes } from './audit/audit.routes';
import { registerCaseRoutes } from './cases/case.routes';
import { registerCaseUpsertRoutes } from './cases/case-upsert.routes';
import { registerDemoRoutes } from './demo/demo.routes';
import { registerHotlineRoutes } from './hotline/hotline.routes';
import { registerInboxRoutes } from './inbox/inbox.routes';
import { registerImportRoutes } from './imports/import.routes';
import { registerJusticeRoutes } from './justice/justice.routes';
import { registerLegalRoutes } from './legal/legal.routes';
import { registerOperationRoutes } from './operations/operation.routes';
import { registerPeopleRoutes } from './people/person.routes';
import { registerPreventionRoutes } from './prevention/prevention.routes';
import { registerProtectionRoutes } from './protection/protection.routes';
import { registerQualityRoutes } from './quality/quality.routes';
import { registerReferenceRoutes } from './reference/reference.routes';
import { registerReportRoutes } from './reports/report.routes';
import { registerSearchRoutes } from './search/search.routes';
import { registerStatsRoutes } from './stats/stats.routes';

/** Every feature's routes, in one list: the map of the API. */
export function registerFeatureRoutes(app: App, deps: Deps, shared: { tokens: ApiTokenService }) {
  registerAdminRoutes(app, deps, shared.tokens);
  registerAuditRoutes(app, deps);
  registerReferenceRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerCaseUpsertRoutes(app, deps);
  registerPeopleRoutes(app, deps);
  registerLegalRoutes(app, deps);
  registerJusticeRoutes(app, deps);
  registerProtectionRoutes(app, deps);
  registerHotlineRoutes(app, deps);
  registerOperationRoutes(app, deps);
  registerPreventionRoutes(app, deps);
  registerStatsRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerQualityRoutes(app, deps);
  registerDemoRoutes(app, deps);
  registerSearchRoutes(app, deps);
  registerInboxRoutes(app, deps);
  registerImportRoutes(app, deps);
}
