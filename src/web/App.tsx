import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './api/session';
import { Layout } from './components/Layout';

// Everything past the home page is loaded on demand: the first download stays small on a slow link.
const LoginPage = lazy(() => import('./pages/LoginPage'));
const HomePage = lazy(() => import('./pages/HomePage'));
const PasswordPage = lazy(() => import('./pages/PasswordPage'));
const SecurityPage = lazy(() => import('./pages/SecurityPage'));
const CaseListPage = lazy(() => import('./pages/cases/CaseListPage'));
const CaseRegisterPage = lazy(() => import('./pages/cases/CaseRegisterPage'));
const CasePage = lazy(() => import('./pages/cases/CasePage'));
const AdminPage = lazy(() => import('./pages/admin/AdminPage'));
const OpenDataPage = lazy(() => import('./pages/public/OpenDataPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const featurePages = {
  stats: lazy(() => import('./pages/stats/StatsPage')),
  reports: lazy(() => import('./pages/reports/ReportsPage')),
  quality: lazy(() => import('./pages/quality/QualityPage')),
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
  if (state.status === 'loading') return <PageLoader />;
  if (state.status === 'anonymous') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}${state.expired ? '&expired=1' : ''}`} replace />;
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
