import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './api/session';
// The sign-in page is in the first download: on a slow link a lazy chunk would cost one more round trip
// before the first thing anyone sees (its building blocks are needed by every page after it anyway).
import LoginPage from './pages/LoginPage';

// Everything past the sign-in page is loaded on demand, the signed-in shell (Layout: menus, drawer) too:
// the first download stays small on a slow link.
// They bring the full stylesheet with them (the first screen has only its own part: styles/first-paint.ts).
const withAllStyles = <T,>(load: () => Promise<T>) => () => Promise.all([import('./styles/all'), load()]).then(([, module]) => module);
const Layout = lazy(withAllStyles(() => import('./components/Layout').then((m) => ({ default: m.Layout }))));
const HomePage = lazy(() => import('./pages/HomePage'));
const PasswordPage = lazy(() => import('./pages/PasswordPage'));
const SecurityPage = lazy(() => import('./pages/SecurityPage'));
const CaseListPage = lazy(() => import('./pages/cases/CaseListPage'));
const CaseRegisterPage = lazy(() => import('./pages/cases/CaseRegisterPage'));
const CasePage = lazy(() => import('./pages/cases/CasePage'));
const AdminPage = lazy(() => import('./pages/admin/AdminPage'));
const OpenDataPage = lazy(withAllStyles(() => import('./pages/public/OpenDataPage')));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const UnlockPage = lazy(() => import('./pages/UnlockPage'));
const OfflinePage = lazy(() => import('./pages/offline/OfflinePage'));
const featurePages = {
  stats: lazy(() => import('./pages/stats/StatsPage')),
  reports: lazy(() => import('./pages/reports/ReportsPage')),
  releases: lazy(() => import('./pages/releases/ReleasesPage')),
  quality: lazy(() => import('./pages/quality/QualityPage')),
  reconciliation: lazy(() => import('./pages/quality/ReconciliationPage')),
  imports: lazy(() => import('./pages/imports/ImportPage')),
  protection: lazy(() => import('./pages/protection/ProtectionPage')),
  hotline: lazy(() => import('./pages/hotline/HotlinePage')),
  operations: lazy(() => import('./pages/operations/OperationsPage')),
  prevention: lazy(() => import('./pages/prevention/PreventionPage')),
  justice: lazy(() => import('./pages/justice/JusticePage')),
  duplicates: lazy(() => import('./pages/DuplicatesPage')),
  search: lazy(() => import('./pages/search/SearchPage')),
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
