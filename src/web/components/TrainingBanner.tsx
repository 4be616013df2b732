import { Box } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';

/** White on this brown-orange is 7.3:1 (white on Mantine's orange 6 was 2.6:1, below WCAG AA). */
export const TRAINING_BANNER_BACKGROUND = '#9a3412';

/**
 * On a demo database every screen says so: training data must never be mistaken for real cases. One compact
 * line on a phone (the title and a short sentence), the full explanation from 48em up.
 */
export function TrainingBanner() {
  const { t } = useTranslation();
  const info = useQuery({
    queryKey: ['system-info'],
    queryFn: () => api.get<{ demoMode: boolean }>('/api/v1/system/info', { quiet401: true }),
    staleTime: Infinity,
  });
  if (!info.data?.demoMode) return null;
  return (
    <Box role="status" data-testid="training-banner" bg={TRAINING_BANNER_BACKGROUND} c="white" fz="sm" lh={1.35} px="sm" py={6} mb="xs" style={{ borderRadius: 4 }}>
      <strong>{t('app.training_title')}</strong>
      {' · '}
      <Box component="span" hiddenFrom="sm">
        {t('app.training_short')}
      </Box>
      <Box component="span" visibleFrom="sm">
        {t('app.training_body')}
      </Box>
    </Box>
  );
}
