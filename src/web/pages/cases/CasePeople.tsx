import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView, SuspectView, VictimView } from '../../../contracts/cases';
import type { PersonView } from '../../../contracts/people';
import { useSession } from '../../api/session';
import { EmptyState } from '../../components/common';
import { useFormat } from '../../i18n/format';
import { AddPersonModal } from './CaseActions';
import { Field } from './CaseSummary';
import { suspectLabel } from './suspect-label';

function Identity({ person }: { person: PersonView }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!person.identity) return null;
  const id = person.identity;
  const name = [id.givenNames, id.familyNames].filter(Boolean).join(' ') || '—';
  return (
    <Card withBorder bg="yellow.0" p="xs" data-testid="identity-block">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <Field label={t('person.identity.name')}>{name}</Field>
        <Field label={t('person.identity.document')}>{id.document ? `${f.code('documentTypes', id.document.type)} ${id.document.number}` : t('person.identity.none')}</Field>
        <Field label={t('person.identity.birth_date')}>{f.date(id.birthDate)}</Field>
      </SimpleGrid>
    </Card>
  );
}

function PersonLine({ person }: { person: PersonView }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
      <Field label={t('person.sex')}>{f.code('sexes', person.sex)}</Field>
      <Field label={t('person.nationalities')}>{person.nationalities.join(', ') || '—'}</Field>
      <Field label={t('person.has_document')}>{f.code('yesNoUnknown', person.hasIdentityDocument)}</Field>
    </SimpleGrid>
  );
}

function VictimItem({ v, n }: { v: VictimView; n: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const age = v.ageYears !== null ? `${f.number(v.ageYears)}${v.ageEstimated ? ` (${t('victim.estimated')})` : ''}` : v.ageBand ? f.code('victimAgeBands', v.ageBand) : '—';
  return (
    <Card withBorder padding="sm" data-testid="victim-item">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('victim.title', { n })}{' '}
          <Badge color={v.ageGroup === 'adult' ? 'gray.7' : '#9a3412'} variant="filled" ml={6}>{f.code('ageGroups', v.ageGroup)}</Badge>
        </Title>
        <PersonLine person={v.person} />
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          <Field label={t('victim.age_years')}>{age}</Field>
          <Field label={t('victim.identification_status')}>{f.code('identificationStatuses', v.identificationStatus)}</Field>
          <Field label={t('victim.exploitation_forms')}>{f.codes('purposes', v.exploitationForms)}</Field>
          <Field label={t('victim.means')}>{f.codes('means', v.means)}</Field>
          <Field label={t('victim.housed_on_identification')}>{f.code('housingOnIdentification', v.housedOnIdentification)}</Field>
          <Field label={t('victim.death_or_serious_injury')}>{f.code('yesNoUnknown', v.deathOrSeriousInjury === null ? null : v.deathOrSeriousInjury ? 'yes' : 'no')}</Field>
        </SimpleGrid>
        <Identity person={v.person} />
      </Stack>
    </Card>
  );
}

function SuspectItem({ s, n }: { s: SuspectView; n: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card withBorder padding="sm" data-testid="suspect-item">
      <Stack gap="xs">
        <Title order={3} size="h5">{t('suspect.title', { n })}</Title>
        {/* Told apart without names (readers without identity, or before a reason is given). */}
        <Text size="sm" fw={500} data-testid="suspect-label">
          {suspectLabel(n, s, (list, value) => f.code(list, value), new Date().getFullYear())}
        </Text>
        <PersonLine person={s.person} />
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          <Field label={t('suspect.roles')}>{f.codes('suspectRoles', s.roles)}</Field>
          <Field label={t('suspect.relationship')}>{f.code('relationships', s.relationshipToVictims)}</Field>
          <Field label={t('suspect.public_official')}>{s.isPublicOfficial ? t('common.yes') : t('common.no')}</Field>
          <Field label={t('suspect.organised_group')}>{s.organisedGroupMember ? t('common.yes') : t('common.no')}</Field>
        </SimpleGrid>
        <Identity person={s.person} />
      </Stack>
    </Card>
  );
}

export function CasePeople({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [adding, setAdding] = useState<'victim' | 'suspect' | null>(null);
  // The owner, or the prosecution holding the case (policy mayAddParties), adds victims and co-defendants.
  const canAdd = can('case.update') && (c.mayAddParties ?? c.accessLevel === 'owner');
  return (
    <Stack gap="md">
      {canAdd && (
        <Group>
          <Button variant="light" size="xs" onClick={() => setAdding('victim')} data-testid="add-victim">{t('case.actions.add_victim')}</Button>
          <Button variant="light" size="xs" onClick={() => setAdding('suspect')} data-testid="add-suspect">{t('case.actions.add_suspect')}</Button>
          {adding && <AddPersonModal c={c} kind={adding} opened onClose={() => setAdding(null)} />}
        </Group>
      )}
      <Title order={2} size="h4">{t('case.page.victims', { n: c.victims.length })}</Title>
      {c.victims.length === 0 ? <EmptyState>{t('case.page.no_victims')}</EmptyState> : c.victims.map((v, i) => <VictimItem key={v.id} v={v} n={i + 1} />)}
      <Title order={2} size="h4">{t('case.page.suspects', { n: c.suspects.length })}</Title>
      {c.suspects.length === 0 ? (
        <EmptyState>{c.accessLevel === 'referral' ? t('case.page.suspects_hidden') : t('case.page.no_suspects')}</EmptyState>
      ) : (
        c.suspects.map((s, i) => <SuspectItem key={s.id} s={s} n={i + 1} />)
      )}
      <Text size="xs" c="dark.4">{t('case.page.identity_note')}</Text>
    </Stack>
  );
}
