import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CaseView } from '../../../contracts/cases';
import type { operationView } from '../../../contracts/operations';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { RecordTable } from '../../components/RecordTable';
import { useFormat } from '../../i18n/format';

type Operation = z.infer<typeof operationView>;

/** Operations linked to the case (hotline calls linked to it appear in its history as events). */
export default function CaseLinked({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { can } = useSession();
  const operations = useQuery({
    queryKey: ['operations', 'case', c.id],
    queryFn: () => api.get<{ items: Operation[] }>('/api/v1/operations', { query: { caseId: c.id, pageSize: 50 } }),
    enabled: can('operation.read'),
  });
  if (!can('operation.read')) return <Text size="sm" c="dark.4">{t('case.linked.none', { code: c.code })}</Text>;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">{t('operations.title')}</Title>
      <RecordTable
        columns={[
          { key: 'date', header: t('operations.date'), cell: (o) => f.date(o.operationDate) },
          { key: 'type', header: t('operations.type'), cell: (o) => f.code('operationTypes', o.type) },
          { key: 'persons', header: t('operations.persons_found'), cell: (o) => f.number(o.personsFound) },
          { key: 'arrests', header: t('operations.arrests'), cell: (o) => f.number(o.arrests) },
        ]}
        rows={operations.data?.items}
        rowKey={(o: Operation) => o.id}
        query={operations}
        empty={t('case.linked.none', { code: c.code })}
      />
    </Stack>
  );
}
