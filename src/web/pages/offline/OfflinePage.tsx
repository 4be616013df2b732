import { Alert, Badge, Button, Card, Group, Radio, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { FieldConflict } from '../../../core/field-merge';
import { PageHeader } from '../../components/common';
import { useFormat } from '../../i18n/format';
import { onDeviceChange } from '../../offline/device-store';
import { discardQueued, queuedWork, resolveConflict, syncSoon, type QueuedWork } from '../../offline/sync';
import { useDeviceStatus } from '../../offline/useDeviceStatus';

/** Case fields as the catalogue names them (`case.field.*`), and the code list of the coded ones. */
const FIELD_LABELS: Record<string, string> = {
  source: 'source', reportedOn: 'reported_on', factsDateFrom: 'facts_from', factsDateTo: 'facts_to', acts: 'acts', means: 'means', purposes: 'purposes',
  sexualExploitationSubtypes: 'sexual_subtypes', sectors: 'sectors', recruitmentMethods: 'recruitment_methods', transportModes: 'transport_modes',
  isInternational: 'is_international', countries: 'countries', organisedCrime: 'organised_crime', publicOfficialInvolved: 'public_official',
  initialLegalQualification: 'initial_legal_qualification', narrative: 'narrative', status: 'status',
};
const CODE_LISTS: Record<string, string> = { source: 'caseSources', acts: 'acts', means: 'means', purposes: 'purposes', sectors: 'sectors', status: 'caseStatuses' };

type Entry = { id: string; seq: number; value: QueuedWork };

/** The work waiting on this device, and the conflicts to decide (README "Offline work"). */
export default function OfflinePage() {
  const { t } = useTranslation();
  const { online } = useDeviceStatus();
  const location = useLocation();
  const [items, setItems] = useState<Entry[]>([]);
  useEffect(() => {
    let alive = true;
    const load = () => void queuedWork().then((list) => alive && setItems(list)).catch(() => undefined);
    load();
    const stop = onDeviceChange(load);
    return () => {
      alive = false;
      stop();
    };
  }, []);
  const queuedNow = (location.state as { queued?: boolean } | null)?.queued;

  return (
    <Stack gap="md">
      <PageHeader title={t('offline.page_title')} description={t('offline.page_intro')} />
      {queuedNow && <Alert color="blue" role="status" data-testid="queued-notice">{t('offline.saved_on_device')}</Alert>}
      {items.length === 0 ? (
        <Text data-testid="offline-empty">{t('offline.empty')}</Text>
      ) : (
        <Button w="fit-content" disabled={!online} onClick={() => void syncSoon()}>{t('offline.send_now')}</Button>
      )}
      {items.map((entry) => (entry.value.status === 'conflict' ? <ConflictCard key={entry.id} entry={entry} /> : <QueuedRow key={entry.id} entry={entry} />))}
    </Stack>
  );
}

function QueuedRow({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const { value } = entry;
  return (
    <Card withBorder data-testid="queued-item">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Text fw={500}>{value.label}</Text>
          {value.error && <Text size="sm" c="red.9">{value.error}</Text>}
        </Stack>
        <Group gap="xs">
          <Badge color={value.status === 'failed' ? 'red.9' : '#a33c00'}>{t(`offline.status_${value.status}`)}</Badge>
          <Button size="xs" variant="default" onClick={() => { if (window.confirm(t('offline.discard_confirm'))) void discardQueued(entry.id); }}>{t('offline.discard')}</Button>
        </Group>
      </Group>
    </Card>
  );
}

function ConflictCard({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const f = useFormat();
  const conflicts = entry.value.conflicts ?? [];
  const [choice, setChoice] = useState<Record<string, 'mine' | 'theirs'>>({});
  const show = (field: string, value: unknown) => {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('offline.value_empty');
    const list = CODE_LISTS[field];
    if (Array.isArray(value)) return value.map((v) => (list ? f.code(list, String(v)) : String(v))).join(', ');
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    return list ? f.code(list, String(value)) : String(value);
  };
  const label = (c: FieldConflict) => (FIELD_LABELS[c.field] ? t(`case.field.${FIELD_LABELS[c.field]}`) : c.field);
  const ready = conflicts.every((c) => choice[c.field]);
  return (
    <Card withBorder data-testid="conflict-card">
      <Stack gap="sm">
        <Text fw={600}>{entry.value.label}</Text>
        <Alert color="orange" title={t('offline.conflict_title')}>{t('offline.conflict_intro')}</Alert>
        <Table.ScrollContainer minWidth={300}>
          <Table>
            <Table.Tbody>
              {conflicts.map((c) => (
                <Table.Tr key={c.field}>
                  <Table.Td>
                    <Radio.Group label={label(c)} value={choice[c.field] ?? ''} onChange={(v) => setChoice((all) => ({ ...all, [c.field]: v as 'mine' | 'theirs' }))}>
                      <Stack gap={6} mt={6}>
                        <Radio value="mine" label={`${t('offline.mine')}: ${show(c.field, c.mine)}`} />
                        <Radio value="theirs" label={`${t('offline.theirs')}: ${show(c.field, c.theirs)}`} />
                      </Stack>
                    </Radio.Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group>
          <Button disabled={!ready} onClick={() => void resolveConflict(entry.id, entry.seq, entry.value, Object.fromEntries(conflicts.map((c) => [c.field, choice[c.field] === 'mine'])))}>
            {t('offline.resolve')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
