import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../contracts/cases';

export default function Placeholder(_props: { c: CaseView }) {
  const { t } = useTranslation();
  return <Alert color="gray">{t('common.not_available')}</Alert>;
}
