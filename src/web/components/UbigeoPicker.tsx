import { Group, Select, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UbigeoView } from '../../contracts/reference';
import { peruDepartments } from '../../core/geo/departments';
import { api } from '../api/client';

const children = (parent: string) => ({
  queryKey: ['ubigeo', parent],
  queryFn: () => api.get<{ items: UbigeoView[] }>('/api/v1/reference/ubigeo', { query: { parent } }),
  staleTime: Infinity,
});

export interface UbigeoPickerProps {
  value: string | null;
  onChange: (code: string | null) => void;
  /** Prefix for the three labels' ids and test ids. */
  name: string;
  error?: string;
  /** Stop at the department (2 digits) or province (4 digits) level. */
  depth?: 2 | 4 | 6;
}

/**
 * Department → province → district, each searchable by name or code (accents ignored by Mantine's
 * filter). The value is the most precise code chosen: 2, 4 or 6 digits. Departments are built in, so
 * the first level works even before the reference is imported.
 */
export function UbigeoPicker({ value, onChange, name, error, depth = 6 }: UbigeoPickerProps) {
  const { t } = useTranslation();
  const department = value?.slice(0, 2) ?? null;
  const province = value && value.length >= 4 ? value.slice(0, 4) : null;
  const district = value && value.length === 6 ? value : null;
  const provinces = useQuery({ ...children(department ?? ''), enabled: Boolean(department) && depth > 2 });
  const districts = useQuery({ ...children(province ?? ''), enabled: Boolean(province) && depth > 4 });
  const options = (items: ReadonlyArray<{ code: string; name: string }>) => items.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }));
  const provinceOptions = options(provinces.data?.items ?? []);
  const districtOptions = options(districts.data?.items ?? []);
  return (
    <div>
      <Group grow align="flex-start" wrap="wrap" gap="xs">
        <Select
          label={t('ubigeo.department')}
          data={options(peruDepartments)}
          value={department}
          onChange={(code) => onChange(code)}
          searchable
          clearable
          data-testid={`${name}-department`}
          miw={160}
          error={error}
          comboboxProps={{ withinPortal: true }}
        />
        {depth > 2 && (
          <Select
            label={t('ubigeo.province')}
            data={provinceOptions}
            value={province}
            onChange={(code) => onChange(code ?? department)}
            searchable
            clearable
            disabled={!department || provinceOptions.length === 0}
            placeholder={department && !provinces.isLoading && provinceOptions.length === 0 ? t('ubigeo.no_reference') : undefined}
            data-testid={`${name}-province`}
            miw={160}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        {depth > 4 && (
          <Select
            label={t('ubigeo.district')}
            data={districtOptions}
            value={district}
            onChange={(code) => onChange(code ?? province)}
            searchable
            clearable
            disabled={!province || districtOptions.length === 0}
            data-testid={`${name}-district`}
            miw={160}
            comboboxProps={{ withinPortal: true }}
          />
        )}
      </Group>
      {value && (
        <Text size="xs" c="dark.4" mt={4}>
          {t('ubigeo.selected', { code: value })}
        </Text>
      )}
    </div>
  );
}
