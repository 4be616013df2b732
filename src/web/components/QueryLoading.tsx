import { Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * What a page shows while its data is on the way (first load, not background refreshes): a spinner and
 * "Cargando…" announced to screen readers, so a slow link never shows a blank page or a misleading empty list.
 */
export function QueryLoading({ query }: { query: { isLoading: boolean } }) {
  const { t } = useTranslation();
  if (!query.isLoading) return null;
  return (
    <Group gap="xs" py="sm" role="status" data-testid="loading-state">
      <Loader size="sm" aria-hidden />
      <Text size="sm">{t('common.loading')}</Text>
    </Group>
  );
}
