import { Badge, Group, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDeviceStatus } from './useDeviceStatus';

/**
 * In the header: online or offline, and the count of items waiting on this device; opens the queue. On a
 * phone only a coloured mark with the count (the header is full there); its name says it all to a reader.
 */
export function OfflineStatus() {
  const { t } = useTranslation();
  const { online, queued } = useDeviceStatus();
  const state = online ? t('offline.online') : t('offline.offline');
  const name = queued > 0 ? `${state} · ${t('offline.queued', { count: queued })}` : state;
  const color = online ? 'green.8' : 'orange.8';
  return (
    <UnstyledButton component={Link} to="/offline" aria-label={name} title={name} data-testid="offline-status" data-online={online} data-queued={queued}>
      <Group gap={4} wrap="nowrap" aria-live="polite">
        <Badge size="sm" variant="dot" color={color} c="dark.7" visibleFrom="sm" aria-hidden>
          {state}
        </Badge>
        {queued > 0 && (
          <Badge size="sm" color="#a33c00" visibleFrom="sm" aria-hidden data-testid="offline-queued">
            {t('offline.queued', { count: queued })}
          </Badge>
        )}
        <Badge hiddenFrom="sm" size="md" circle color={queued > 0 ? '#a33c00' : color} aria-hidden>
          {queued > 0 ? queued : ' '}
        </Badge>
      </Group>
    </UnstyledButton>
  );
}
