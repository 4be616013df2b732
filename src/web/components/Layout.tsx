import { Anchor, AppShell, Box, Burger, Group, Menu, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession, useUser } from '../api/session';
import { PageLoader } from '../App';
import { HeaderSearch } from './HeaderSearch';
import { LanguageSwitch } from './LanguageSwitch';
import { OfflineStatus } from '../offline/OfflineStatus';
import { countItems } from '../offline/device-store';
import { TrainingBanner } from './TrainingBanner';

interface NavItem {
  to: string;
  label: string;
  when: (can: (p: string) => boolean) => boolean;
}

const navItems: NavItem[] = [
  { to: '/', label: 'nav.home', when: () => true },
  { to: '/cases', label: 'nav.cases', when: (can) => can('case.read') },
  { to: '/cases/new', label: 'nav.register_case', when: (can) => can('case.create') },
  { to: '/justice', label: 'nav.justice', when: (can) => can('justice.prosecution.write') || can('justice.court.write') },
  { to: '/protection', label: 'nav.protection', when: (can) => can('protection.read') },
  { to: '/hotline', label: 'nav.hotline', when: (can) => can('hotline.read') },
  { to: '/operations', label: 'nav.operations', when: (can) => can('operation.read') },
  { to: '/prevention', label: 'nav.prevention', when: (can) => can('prevention.read') },
  { to: '/stats', label: 'nav.stats', when: (can) => can('stats.read') },
  { to: '/reports', label: 'nav.reports', when: (can) => can('report.manage') || can('export.create') },
  { to: '/releases', label: 'nav.releases', when: (can) => can('report.manage') },
  { to: '/quality', label: 'nav.quality', when: (can) => can('quality.read') },
  { to: '/offline', label: 'offline.nav', when: () => true },
  { to: '/reconciliation', label: 'nav.reconciliation', when: (can) => can('duplicates.review.cross_institution') },
  { to: '/imports', label: 'nav.imports', when: (can) => can('case.create') && can('case.update') },
  { to: '/admin', label: 'nav.admin', when: (can) => ['admin.users.manage', 'admin.institutions.manage', 'audit.read', 'admin.legal.manage', 'admin.reference.manage', 'admin.backups.manage'].some(can) },
];

function isActive(pathname: string, to: string) {
  if (to === '/') return pathname === '/';
  if (to === '/cases') return pathname === '/cases' || (pathname.startsWith('/cases/') && pathname !== '/cases/new');
  return pathname === to || pathname.startsWith(`${to}/`);
}

export function Layout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { can, logout } = useSession();
  const user = useUser();
  const location = useLocation();
  const navigate = useNavigate();

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="reta-skip-link">
        {t('nav.skip_to_content')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle_menu')} />
            <Anchor component={Link} to="/" fw={700} fz="lg" c="indigo.9" underline="never">
              RETA
            </Anchor>
            <Text size="sm" c="dark.5" visibleFrom="md">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <OfflineStatus />
            {can('case.read') && <HeaderSearch />}
            <LanguageSwitch />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={t('nav.user_menu')} data-testid="user-menu" px="xs">
                  <Text size="sm" fw={500} truncate maw={160}>
                    {user.displayName}
                  </Text>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{user.roles.map((r) => t(`roles.${r}`, { ns: 'codes' })).join(', ')}</Menu.Label>
                <Menu.Item component={Link} to="/password">
                  {t('nav.change_password')}
                </Menu.Item>
                <Menu.Item component={Link} to="/account/security">
                  {t('nav.two_factor')}
                </Menu.Item>
                <Menu.Item
                  onClick={async () => {
                    // Signing out erases this device's store: say so when work there was not sent yet.
                    const waiting = await countItems('queue').catch(() => 0);
                    if (waiting > 0 && !window.confirm(t('offline.logout_pending', { count: waiting }))) return;
                    await logout();
                    navigate('/login');
                  }}
                >
                  {t('nav.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.main')}>
        <ScrollArea>
          <nav aria-label={t('nav.main')}>
            {navItems
              .filter((item) => item.when(can))
              .map((item) => (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={t(item.label)}
                  active={isActive(location.pathname, item.to)}
                  aria-current={isActive(location.pathname, item.to) ? 'page' : undefined}
                  onClick={close}
                />
              ))}
          </nav>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <TrainingBanner />
        <Box id="main" component="main" tabIndex={-1} maw={1200}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
