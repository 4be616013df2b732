import { Anchor, Badge, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../api/client';
import { useSession, useUser } from '../api/session';
import { EmptyState, ErrorAlert } from '../components/common';
import { homeCards, type HomeCard } from './home-cards';

interface Page<T> {
  items: T[];
  total: number;
  /** Inboxes: how many arrived since this user last looked. */
  unseen?: number;
}

function WorkCard({ card }: { card: HomeCard }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['home', card.id],
    queryFn: () => api.get<Page<Record<string, unknown>>>(card.path, { query: { ...card.query, pageSize: 5 } }),
  });
  // An endpoint this server does not offer yet reads as "nothing to do", not as a failure.
  const missing = query.error instanceof ApiError && query.error.status === 404;
  let body: ReactNode;
  if (query.isLoading) body = <Loader size="sm" aria-label={t('common.loading')} />;
  else if (query.error && !missing) body = <ErrorAlert error={query.error} />;
  else if (!query.data || query.data.items.length === 0) body = <EmptyState>{t(`home.${card.id}.empty`)}</EmptyState>;
  else
    body = (
      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {query.data.items.map((item) => (
          <li key={String(item.id)}>{card.render(item, t)}</li>
        ))}
      </Stack>
    );
  return (
    <Card withBorder padding="md" data-testid={`home-${card.id}`}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t(`home.${card.id}.title`)}
        </Title>
        <Group gap={4}>
          {query.data?.unseen !== undefined && query.data.unseen > 0 && <Badge color="indigo.8">{t('inbox.unseen', { count: query.data.unseen })}</Badge>}
          {query.data && query.data.total > 0 && <Badge variant="light" aria-label={t('home.waiting', { count: query.data.total })}>{query.data.total}</Badge>}
        </Group>
      </Group>
      {body}
      {card.more && (
        <Anchor component={Link} to={card.more} size="sm" mt="sm">
          {t('home.see_all')}
        </Anchor>
      )}
    </Card>
  );
}

export default function HomePage() {
  const { t } = useTranslation();
  const user = useUser();
  const { can } = useSession();
  const cards = homeCards(user).filter((card) => card.permissions.some(can));
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('home.greeting', { name: user.displayName })}
      </Title>
      {cards.length === 0 ? (
        <Text>{t('home.nothing_for_role')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {cards.map((card) => (
            <WorkCard key={card.id} card={card} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
