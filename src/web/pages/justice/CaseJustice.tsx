import { Badge, Button, Card, Group, Loader, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CaseView } from '../../../contracts/cases';
import type { caseJusticeView, defendantView } from '../../../contracts/justice';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { EmptyState, ErrorAlert } from '../../components/common';
import { useFormat } from '../../i18n/format';
import { EventForm } from './EventForm';
import { allowedTypes } from './event-fields';

type CaseJustice = z.infer<typeof caseJusticeView>;
type Defendant = z.infer<typeof defendantView>;

function Flags({ d }: { d: Defendant }) {
  const { t } = useTranslation();
  const flags = (Object.keys(d.flags) as Array<keyof Defendant['flags']>).filter((k) => d.flags[k]);
  return (
    <Group gap={6}>
      {flags.map((flag) => (
        <Badge key={flag} color={flag === 'publicOfficial' ? 'indigo.8' : '#b42318'} variant="filled" data-testid={`flag-${flag}`}>
          {t(`justice.flag.${flag}`)}
        </Badge>
      ))}
    </Group>
  );
}

/**
 * The civil reparation and fine the standing sentence ordered (the latest sentence event not superseded), so
 * whoever follows the case sees what the defendant owes the victims without opening the timeline.
 */
function Amounts({ d }: { d: Defendant }) {
  const { t } = useTranslation();
  const f = useFormat();
  const standing = [...d.events].reverse().find((e) => !e.superseded && (e.reparationAmount !== null || e.fineAmount !== null));
  if (!standing) return null;
  const money = (amount: number) => f.number(amount, { style: 'currency', currency: standing.currency ?? 'PEN' });
  return (
    <Text size="sm" data-testid="defendant-amounts">
      {[standing.reparationAmount !== null && t('justice.reparation_line', { amount: money(standing.reparationAmount) }),
        standing.fineAmount !== null && t('justice.fine_line', { amount: money(standing.fineAmount) })].filter(Boolean).join(' · ')}
    </Text>
  );
}

function DefendantCard({ d, n, caseId }: { d: Defendant; n: number; caseId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { can } = useSession();
  const [recording, setRecording] = useState(false);
  const months = (m: number) => t('justice.months', { years: Math.floor(m / 12), months: m % 12 });
  return (
    <Card withBorder padding="md" data-testid={`defendant-${n}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">{t('suspect.title', { n })}</Title>
          <Group gap={6}>
            <Badge variant="filled" color="indigo.8" data-testid="defendant-stage">{d.stage === 'none' ? t('justice.no_stage') : f.code('justiceStages', d.stage)}</Badge>
            {d.outcome && <Badge variant="filled" color="dark.6" data-testid="defendant-outcome">{f.code('defendantOutcomes', d.outcome)}</Badge>}
            {d.inCustody && <Badge color="#9a3412">{t('justice.in_custody')}</Badge>}
          </Group>
        </Group>
        <Flags d={d} />
        {d.sentence && (
          <Text size="sm">
            {t('justice.sentence_line', { length: months(d.sentence.months), kind: d.sentence.effective ? t('justice.effective') : t('justice.suspended') })}
            {d.applicableRange && ` · ${t('justice.range_line', { article: d.applicableRange.articleNumber, min: months(d.applicableRange.minMonths), max: d.applicableRange.maxMonths === null ? '—' : months(d.applicableRange.maxMonths) })}`}
          </Text>
        )}
        <Amounts d={d} />
        {d.aggravation.omitted && (
          <Text size="sm" data-testid="aggravation-line">
            {t('justice.aggravation_line', {
              required: f.code('tiers', d.aggravation.required),
              reasons: d.aggravation.reasons.map((r) => f.code('aggravationReasons', r)).join(', '),
              charged: d.aggravation.charge ? f.code('tiers', d.aggravation.charge.tier ?? '') : t('justice.aggravation_none'),
              convicted: d.aggravation.conviction?.tier ? f.code('tiers', d.aggravation.conviction.tier) : t('justice.aggravation_none'),
            })}
          </Text>
        )}
        {d.reclassification && <Text size="sm">{t('justice.reclassified_line', { from: d.reclassification.from.join(', '), to: d.reclassification.to.join(', ') })}</Text>}
        {d.events.length === 0 ? (
          <EmptyState>{t('justice.no_events')}</EmptyState>
        ) : (
          <Timeline bulletSize={14} lineWidth={2} active={d.events.length}>
            {d.events.map((e) => (
              <Timeline.Item key={e.id} title={<Text size="sm" fw={600} td={e.superseded ? 'line-through' : undefined}>{f.code('justiceEventTypes', e.type)}</Text>}>
                <Text size="xs" c="dark.4">
                  {[f.date(e.occurredOn), f.code('justiceStages', e.stage), e.decision && f.code('decisions', e.decision), e.articles.map((a) => `art. ${a.articleNumber}`).join(', '),
                    e.sentenceMonths !== null && months(e.sentenceMonths), e.superseded && t('justice.superseded')].filter(Boolean).join(' · ')}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
        {allowedTypes(can).length > 0 && !recording && (
          <Button variant="light" w="fit-content" onClick={() => setRecording(true)}>{t('justice.record_event')}</Button>
        )}
        {recording && <EventForm caseId={caseId} suspectId={d.suspectId} onDone={() => setRecording(false)} suggestedTier={{ tier: d.aggravation.required, reasons: d.aggravation.reasons }} />}
      </Stack>
    </Card>
  );
}

/** The justice chain per defendant: derived stage, outcome, sentence against the legal range, flags. */
export default function CaseJustice({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useQuery({ queryKey: ['justice', c.id], queryFn: () => api.get<CaseJustice>(`/api/v1/cases/${c.id}/justice`) });
  if (query.isLoading) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (!query.data) return <ErrorAlert error={query.error} />;
  const j = query.data;
  return (
    <Stack gap="md">
      <Text size="sm">{t('justice.case_stage', { stage: j.stage === 'none' ? t('justice.no_stage') : f.code('justiceStages', j.stage) })}</Text>
      {j.defendants.length === 0 && <EmptyState>{t('justice.no_defendants')}</EmptyState>}
      {j.defendants.map((d, i) => (
        <DefendantCard key={d.suspectId} d={d} n={i + 1} caseId={c.id} />
      ))}
    </Stack>
  );
}
