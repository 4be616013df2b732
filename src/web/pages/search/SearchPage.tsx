import { Anchor, Badge, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { SearchCaseHit } from '../../../contracts/search';
import { api } from '../../api/endpoints';
import { useSession } from '../../api/session';
import { AccessReasonModal } from '../../components/AccessReason';
import { EmptyState, ErrorAlert, PageHeader } from '../../components/common';
import { RecordTable, type Column } from '../../components/RecordTable';

function CaseCells({ hit }: { hit: SearchCaseHit }) {
  const { t } = useTranslation();
  return (
    <>
      <Table.Td>
        <Anchor component={Link} to={`/cases/${hit.caseId}`}>
          {hit.code}
        </Anchor>
      </Table.Td>
      <Table.Td>{t(`caseStatuses.${hit.status}`, { ns: 'codes', defaultValue: hit.status })}</Table.Td>
      <Table.Td>
        {hit.unitName}
        <Text size="xs" c="dark.4">
          {hit.institutionName}
        </Text>
      </Table.Td>
    </>
  );
}

/** The columns of a case found (code, status, unit), as the cases table shows them. */
const caseColumns = (t: TFunction): Column<SearchCaseHit>[] => [
  { key: 'code', header: t('search.col.code'), cell: (hit) => <Anchor component={Link} to={`/cases/${hit.caseId}`}>{hit.code}</Anchor> },
  { key: 'status', header: t('search.col.status'), cell: (hit) => t(`caseStatuses.${hit.status}`, { ns: 'codes', defaultValue: hit.status }) },
  {
    key: 'unit',
    header: t('search.col.unit'),
    cell: (hit) => (
      <>
        {hit.unitName}
        <Text size="xs" c="dark.4">
          {hit.institutionName}
        </Text>
      </>
    ),
  },
];

/** Results of the header's search: cases by code or file number, persons by document or name (within scope). */
export default function SearchPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const [reason, setReason] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const query = useQuery({
    queryKey: ['search', q, reason],
    queryFn: () => api.search.run({ q }, { accessReason: reason ?? undefined }),
    enabled: q.length >= 2,
  });
  const data = query.data;
  const mayIdentify = can('identity.read');
  return (
    <Stack>
      <PageHeader
        title={t('search.title')}
        description={q ? t('search.for', { q }) : t('search.help')}
        actions={
          mayIdentify && data && data.persons.length > 0 && !reason ? (
            <Button variant="light" onClick={() => setAsking(true)}>
              {t('search.show_names')}
            </Button>
          ) : undefined
        }
      />
      <Text size="sm" c="dark.4">
        {mayIdentify ? t('search.help_identity') : t('search.help_cases')}
      </Text>
      <AccessReasonModal opened={asking} onClose={() => setAsking(false)} onConfirm={(r) => { setReason(r); setAsking(false); }} />
      {query.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      <ErrorAlert error={query.error} />
      {data && (
        <>
          {data.truncated && <Text size="sm">{t('search.truncated')}</Text>}
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('search.cases')}
            </Title>
            <RecordTable
              testId="search-cases"
              rows={data.cases}
              rowKey={(hit) => hit.caseId}
              empty={t('search.no_cases')}
              columns={[
                ...caseColumns(t),
                { key: 'matched', header: t('search.col.matched'), cell: (hit) => t(`search.matched.${hit.matchedBy}`) },
              ]}
            />
          </Card>
          {(data.kinds.includes('document') || data.kinds.includes('name')) && (
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t('search.persons')}
              </Title>
              {data.persons.length === 0 ? (
                <EmptyState>{t('search.no_persons')}</EmptyState>
              ) : (
                <Stack gap="sm" data-testid="search-persons">
                  {data.persons.map((person) => (
                    <div key={person.personId}>
                      <Text fw={500}>{person.name ?? t('search.identity_reserved')}</Text>
                      <Table>
                        <Table.Tbody>
                          {person.cases.map((hit) => (
                            <Table.Tr key={`${hit.caseId}-${hit.role}`}>
                              <CaseCells hit={hit} />
                              <Table.Td>
                                <Badge variant="light">{t(`search.role.${hit.role}`)}</Badge>
                              </Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </div>
                  ))}
                </Stack>
              )}
            </Card>
          )}
        </>
      )}
      {!q && (
        <Group>
          <EmptyState>{t('search.help')}</EmptyState>
        </Group>
      )}
    </Stack>
  );
}
