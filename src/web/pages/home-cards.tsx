import { Anchor, Group, Text } from '@mantine/core';
import i18next, { type TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MeView } from '../../contracts/auth';
import { formatDate } from '../i18n/format';
import { DuplicateItem } from './DuplicateItem';

export interface HomeCard {
  id: string;
  permissions: string[];
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  more?: string;
  render: (item: Record<string, unknown>, t: TFunction) => ReactNode;
}

const caseLine = (item: Record<string, unknown>) => (
  <Group gap="xs" wrap="nowrap" justify="space-between">
    <Anchor component={Link} to={`/cases/${String(item.caseId ?? item.id)}`} size="sm">
      {String(item.code ?? item.id)}
    </Anchor>
    <Text size="xs" c="dark.4">
      {formatDate(String(item.lastActivityAt ?? item.registeredAt ?? ''), i18next.language)}
    </Text>
  </Group>
);

/** What needs doing now, per role: each card shows only to users with one of its permissions. */
export function homeCards(user: MeView): HomeCard[] {
  return [
    {
      id: 'open_cases', permissions: ['case.update', 'case.create'], path: '/api/v1/cases',
      query: { status: 'open', unitId: user.unitId ?? undefined, sort: '-registeredAt' }, more: '/cases?status=open', render: caseLine,
    },
    {
      id: 'stale_cases', permissions: ['quality.read'], path: '/api/v1/quality/cases',
      query: { check: 'stale' }, more: '/quality', render: caseLine,
    },
    {
      // What was sent to this office (police reports, charges), newest first — not every open case it can see.
      id: 'justice_cases', permissions: ['justice.prosecution.write', 'justice.court.write'], path: '/api/v1/justice/inbox',
      query: { waiting: true }, more: '/justice',
      render: (item, t) => (
        <Anchor component={Link} to={`/cases/${String(item.caseId)}`} size="sm">
          {`${String(item.caseCode ?? '')} · ${t(`justiceEventTypes.${String(item.type)}`, { ns: 'codes' })}`}
        </Anchor>
      ),
    },
    {
      id: 'referral_inbox', permissions: ['protection.write'], path: '/api/v1/referrals/inbox', more: '/protection',
      render: (item, t) => (
        <Anchor component={Link} to={`/cases/${String(item.caseId)}`} size="sm">
          {`${String(item.caseCode ?? '')} · ${t(`serviceTypes.${String(item.serviceType)}`, { ns: 'codes' })}`}
        </Anchor>
      ),
    },
    {
      id: 'hotline_follow_up', permissions: ['hotline.write'], path: '/api/v1/hotline/follow-up', more: '/hotline',
      render: (item, t) => (
        <Text size="sm">{`${formatDate(String(item.receivedAt ?? ''), i18next.language)} · ${t(`hotlineClassifications.${String(item.classification)}`, { ns: 'codes' })}`}</Text>
      ),
    },
    {
      id: 'duplicates', permissions: ['duplicates.review'], path: '/api/v1/matching/candidates', more: '/duplicates',
      render: (item) => <DuplicateItem item={item} />,
    },
  ];
}
