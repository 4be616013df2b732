import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './api/session';
import { loadSpanishRest } from './i18n/setup';
// The sign-in page is in the first download: on a slow link a lazy chunk would cost one more round trip
// before the first thing anyone sees (its building blocks are needed by every page after it anyway).
import LoginPage from './pages/LoginPage';

// Everything past the sign-in page is loaded on demand, the signed-in shell (Layout: menus, drawer) too:
// the first download stays small on a slow link. Each such page brings with it (once) what the sign-in
// page does without: the full stylesheet (the first screen has only its own part: styles/first-paint.ts),
// the Spanish texts of every screen (i18n/spanish-rest.ts) and the cases kept on this device (offline/kept).
const beyondSignIn = () => Promise.all([import('./styles/all'), loadSpanishRest(), import('./offline/kept')]);
// Any props, as React.lazy itself takes.
const page = <T extends ComponentType<any>>(load: () => Promise<{ default: T }>) => lazy(() => Promise.all([beyondSignIn(), load()]).then(([, module]) => module));
const Layout = page(() => import('./components/Layout').then((m) => ({ default: m.Layout })));
const HomePage = page(() => import('./pages/HomePage'));
const PasswordPage = page(() => import('./pages/PasswordPage'));
const SecurityPage = page(() => import('./pages/SecurityPage'));
const CaseListPage = page(() => import('./pages/cases/CaseListPage'));
const CaseRegisterPage = page(() => import('./pages/cases/CaseRegisterPage'));
const CasePage = page(() => import('./pages/cases/CasePage'));
const AdminPage = page(() => import('./pages/admin/AdminPage'));
const OpenDataPage = page(() => import('./pages/public/OpenDataPage'));
const NotFoundPage = page(() => import('./pages/NotFoundPage'));
const UnlockPage = page(() => import('./pages/UnlockPage'));
const OfflinePage = page(() => import('./pages/offline/OfflinePage'));
const featurePages = {
  stats: page(() => import('./pages/stats/StatsPage')),
  reports: page(() => import('./pages/reports/ReportsPage')),
  releases: page(() => import('./pages/releases/ReleasesPage')),
  quality: page(() => import('./pages/quality/QualityPage')),
  reconciliation: page(() => import('./pages/quality/ReconciliationPage')),
  imports: page(() => import('./pages/imports/ImportPage')),
  protection: page(() => import('./pages/protection/ProtectionPage')),
  hotline: page(() => import('./pages/hotline/HotlinePage')),
  operations: page(() => import('./pages/operations/OperationsPage')),
  prevention: page(() => import('./pages/prevention/PreventionPage')),
  justice: page(() => import('./pages/justice/JusticePage')),
  duplicates: page(() => import('./pages/DuplicatesPage')),
  search: page(() => import('./pages/search/SearchPage')),
};

export const PageLoader = () => (
  <Center py="xl">
    <Loader aria-hidden />
  </Center>
);

function RequireSession({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  const [otherAccount, setOtherAccount] = useState(false);
  if (state.status === 'loading') return <PageLoader />;
  if (state.status === 'locked' && !otherAccount) return <UnlockPage username={state.username} onOtherAccount={() => setOtherAccount(true)} />;
  if (state.status === 'anonymous' || state.status === 'locked') {
    const expired = state.status === 'anonymous' && state.expired;
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}${expired ? '&expired=1' : ''}`} replace />;
  }
  if (state.user.mustChangePassword && location.pathname !== '/password') return <Navigate to="/password" replace />;
  if (!state.user.mustChangePassword && state.user.mustEnrolSecondFactor && location.pathname !== '/account/security') {
    return <Navigate to="/account/security" replace />;
  }
  return <>{children}</>;
}

export function App() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/open-data" element={<OpenDataPage />} />
        <Route
          element={
            <RequireSession>
              <Layout />
            </RequireSession>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="password" element={<PasswordPage />} />
          <Route path="account/security" element={<SecurityPage />} />
          <Route path="cases" element={<CaseListPage />} />
          <Route path="cases/new" element={<CaseRegisterPage />} />
          <Route path="cases/:id" element={<CasePage />} />
          <Route path="offline" element={<OfflinePage />} />
          <Route path="admin/*" element={<AdminPage />} />
          {Object.entries(featurePages).map(([path, Page]) => (
            <Route key={path} path={`${path}/*`} element={<Page />} />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
