import { Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { PageLoader } from '../../App';
import { PageHeader } from '../../components/common';

const sections = [
  { path: 'institutions', permission: 'admin.institutions.manage', page: lazy(() => import('./InstitutionsAdmin')) },
  { path: 'units', permission: 'admin.units.manage', page: lazy(() => import('./UnitsAdmin')) },
  { path: 'users', permission: 'admin.users.manage', page: lazy(() => import('./UsersAdmin')) },
  { path: 'tokens', permission: 'admin.tokens.manage', page: lazy(() => import('./TokensAdmin')) },
  { path: 'webhooks', permission: 'admin.tokens.manage', page: lazy(() => import('./WebhooksAdmin')) },
  { path: 'reference', permission: 'admin.reference.manage', page: lazy(() => import('./ReferenceAdmin')) },
  { path: 'legal', permission: 'admin.legal.manage', page: lazy(() => import('./LegalAdmin')) },
  { path: 'audit', permission: 'audit.read', page: lazy(() => import('./AuditAdmin')) },
  { path: 'backups', permission: 'admin.backups.manage', page: lazy(() => import('./BackupsAdmin')) },
  // Only in training mode: regenerating the demo data.
  { path: 'training', permission: 'admin.users.manage', page: lazy(() => import('./TrainingAdmin')), demoOnly: true },
];

export default function AdminPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const info = useQuery({ queryKey: ['system-info'], queryFn: () => api.get<{ demoMode: boolean }>('/api/v1/system/info', { quiet401: true }), staleTime: Infinity });
  const allowed = sections.filter((s) => can(s.permission) && (!('demoOnly' in s) || info.data?.demoMode));
  const current = location.pathname.split('/')[2] ?? '';
  if (allowed.length === 0) return <Navigate to="/" replace />;
  return (
    <>
      <PageHeader title={t('admin.title')} />
      <Tabs value={current} onChange={(value) => value && navigate(`/admin/${value}`)} mb="md">
        <Tabs.List>
          {allowed.map((s) => (
            <Tabs.Tab key={s.path} value={s.path}>{t(`admin.section.${s.path}`)}</Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Suspense fallback={<PageLoader />}>
        <Routes>
          {allowed.map((s) => (
            <Route key={s.path} path={s.path} element={<s.page />} />
          ))}
          <Route path="*" element={<Navigate to={`/admin/${allowed[0]!.path}`} replace />} />
        </Routes>
      </Suspense>
    </>
  );
}
