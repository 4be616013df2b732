import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from './common';

/** A screen whose API is not available on this server yet. */
export function Pending({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(title)} />
      <Alert color="gray">{t('common.not_available')}</Alert>
    </>
  );
}
