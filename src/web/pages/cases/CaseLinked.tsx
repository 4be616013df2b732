import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../contracts/cases';

export default function CaseLinked({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Text size="sm" c="dark.4">{t('case.linked.none', { code: c.code })}</Text>
    </Stack>
  );
}
