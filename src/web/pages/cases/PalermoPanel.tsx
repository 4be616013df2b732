import { Badge, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PalermoResult } from '../../../core/palermo';

const mark = (ok: boolean) => (
  <ThemeIcon size={20} radius="xl" color={ok ? 'green.8' : 'gray.6'} aria-hidden>
    <span style={{ fontSize: 12 }}>{ok ? '✓' : '–'}</span>
  </ThemeIcon>
);

/** The Palermo test (domain rule 1), recomputed as the user types; it informs, it never blocks. */
export function PalermoPanel({ result }: { result: PalermoResult }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="palermo-panel" aria-live="polite">
      <Title order={2} size="h4">
        {t('palermo.title')}
      </Title>
      <List spacing={4} size="sm" center>
        <List.Item icon={mark(result.hasAct)}>{t('palermo.act')}</List.Item>
        <List.Item icon={mark(result.hasMeans || result.hasChildVictim)}>
          {result.hasChildVictim && !result.hasMeans ? t('palermo.means_not_needed') : t('palermo.means')}
        </List.Item>
        <List.Item icon={mark(result.hasPurpose)}>{t('palermo.purpose')}</List.Item>
      </List>
      <Group gap="xs">
        <Badge color={result.isTrafficking ? '#1e6b34' : 'gray.7'} variant="filled" data-testid="palermo-result">
          {result.isTrafficking ? t('palermo.met') : t('palermo.not_met')}
        </Badge>
        {result.hasChildVictim && <Badge color="#9a3412">{t('palermo.child_victim')}</Badge>}
      </Group>
      {!result.isTrafficking && (
        <Text size="xs" c="dark.4">
          {t('palermo.missing', { elements: result.missing.map((m) => t(`palermo.element.${m}`)).join(', ') })}
        </Text>
      )}
      <Text size="xs" c="dark.4">
        {t('palermo.never_blocks')}
      </Text>
    </Stack>
  );
}
