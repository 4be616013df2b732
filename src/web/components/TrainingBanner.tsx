import { Alert } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';

/** On a demo database every screen says so: training data must never be mistaken for real cases. */
export function TrainingBanner() {
  const { t } = useTranslation();
  const info = useQuery({
    queryKey: ['system-info'],
    queryFn: () => api.get<{ demoMode: boolean }>('/api/v1/system/info', { quiet401: true }),
    staleTime: Infinity,
  });
  if (!info.data?.demoMode) return null;
  return (
    <Alert color="orange" variant="filled" radius={0} role="status" data-testid="training-banner" title={t('app.training_title')}>
      {t('app.training_body')}
    </Alert>
  );
}
