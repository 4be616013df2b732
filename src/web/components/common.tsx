import { Alert, Group, MultiSelect, Select, Stack, Text, Title, type MultiSelectProps, type SelectProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { codeLists, type CodeListName } from '../../core/codes';
import { errorMessage } from '../api/client';

export function PageHeader({ title, actions, description }: { title: string; actions?: ReactNode; description?: ReactNode }) {
  return (
    <Stack gap={4} mb="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} size="h2">
          {title}
        </Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {description && (
        <Text size="sm" c="dark.4">
          {description}
        </Text>
      )}
    </Stack>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dark.4" py="sm" data-testid="empty-state">
      {children}
    </Text>
  );
}

export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert color="red" role="alert">
      {errorMessage(error)}
    </Alert>
  );
}

/** Options of a code list, labelled in the current language (optionally a subset or another list). */
export function useCodeOptions(list: string, values?: readonly string[]) {
  const { t } = useTranslation();
  const codes = values ?? (codeLists[list as CodeListName] as readonly string[] | undefined) ?? [];
  return codes.map((value) => ({ value, label: t(`${list}.${value}`, { ns: 'codes', defaultValue: value }) }));
}

type CodeSelectProps = Omit<SelectProps, 'data'> & { list: string; values?: readonly string[] };
export function CodeSelect({ list, values, ...props }: CodeSelectProps) {
  const options = useCodeOptions(list, values);
  return <Select data={options} searchable={options.length > 8} comboboxProps={{ withinPortal: true }} {...props} />;
}

type CodeMultiProps = Omit<MultiSelectProps, 'data'> & { list: string; values?: readonly string[] };
export function CodeMultiSelect({ list, values, ...props }: CodeMultiProps) {
  const options = useCodeOptions(list, values);
  return <MultiSelect data={options} searchable comboboxProps={{ withinPortal: true }} {...props} />;
}
