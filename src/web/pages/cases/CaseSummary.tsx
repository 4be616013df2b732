import { Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../contracts/cases';
import { peruDepartments } from '../../../core/geo/departments';
import { useFormat } from '../../i18n/format';

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dark.4" fw={600}>{label}</Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

const departmentName = (code: string | null) => peruDepartments.find((d) => d.code === code?.slice(0, 2))?.name;

export function CaseSummary({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const facts = c.factsDateFrom && c.factsDateTo && c.factsDateFrom !== c.factsDateTo ? `${f.date(c.factsDateFrom)} – ${f.date(c.factsDateTo)}` : f.date(c.factsDateFrom);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        <Field label={t('case.field.reported_on')}>{f.date(c.reportedOn)}</Field>
        <Field label={t('case.field.facts_date')}>{facts}</Field>
        <Field label={t('case.field.source')}>{f.code('caseSources', c.source)}</Field>
        <Field label={t('case.field.acts')}>{f.codes('acts', c.acts)}</Field>
        <Field label={t('case.field.means')}>{f.codes('means', c.means)}</Field>
        <Field label={t('case.field.purposes')}>{f.codes('purposes', c.purposes)}</Field>
        {c.sexualExploitationSubtypes.length > 0 && <Field label={t('case.field.sexual_subtypes')}>{f.codes('sexualExploitationSubtypes', c.sexualExploitationSubtypes)}</Field>}
        {c.sectors.length > 0 && <Field label={t('case.field.sectors')}>{f.codes('sectors', c.sectors)}</Field>}
        <Field label={t('case.field.recruitment_methods')}>{f.codes('recruitmentMethods', c.recruitmentMethods)}</Field>
        <Field label={t('case.field.transport_modes')}>{f.codes('transportModes', c.transportModes)}</Field>
        <Field label={t('case.field.initial_legal_qualification')}>{c.initialLegalQualification ?? '—'}</Field>
        <Field label={t('case.field.flags')}>
          {[c.isInternational && t('case.field.is_international'), c.organisedCrime && t('case.field.organised_crime'), c.publicOfficialInvolved && t('case.field.public_official')].filter(Boolean).join(', ') || '—'}
        </Field>
      </SimpleGrid>
      {c.narrative !== undefined && (
        <Card withBorder>
          <Title order={2} size="h5" mb={4}>{t('case.field.narrative')}</Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{c.narrative ?? '—'}</Text>
        </Card>
      )}
      <div>
        <Title order={2} size="h4" mb="xs">{t('case.page.places')}</Title>
        {c.places.length === 0 ? (
          <Text size="sm" c="dark.4">{t('case.page.no_places')}</Text>
        ) : (
          <List size="sm" data-testid="case-places">
            {c.places.map((p) => (
              <List.Item key={p.id}>
                <Text span size="sm" fw={600}>{f.code('placeKinds', p.kind)}:</Text> {p.ubigeo ? `${departmentName(p.ubigeo) ?? ''} (${p.ubigeo})` : p.country}
              </List.Item>
            ))}
          </List>
        )}
      </div>
    </Stack>
  );
}
