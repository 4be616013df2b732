import { Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CaseView } from '../../../contracts/cases';
import type { operationView } from '../../../contracts/operations';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { EmptyState, ErrorAlert } from '../../components/common';
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
      <ErrorAlert error={operations.error} />
      {operations.data?.items.length === 0 && <EmptyState>{t('case.linked.none', { code: c.code })}</EmptyState>}
      {(operations.data?.items.length ?? 0) > 0 && (
        <div className="reta-table-wrap">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('operations.date')}</Table.Th>
                <Table.Th>{t('operations.type')}</Table.Th>
                <Table.Th>{t('operations.persons_found')}</Table.Th>
                <Table.Th>{t('operations.arrests')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {operations.data!.items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>{f.date(o.operationDate)}</Table.Td>
                  <Table.Td>{f.code('operationTypes', o.type)}</Table.Td>
                  <Table.Td>{f.number(o.personsFound)}</Table.Td>
                  <Table.Td>{f.number(o.arrests)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
