import { MultiSelect, Select, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';

/** ISO 3166-1 alpha-3 countries, named in the current language by the server's reference. */
export function useCountries() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'es';
  const query = useQuery({
    queryKey: ['countries', locale],
    queryFn: () => api.get<{ items: Array<{ code: string; name: string }> }>('/api/v1/reference/countries', { query: { locale } }),
    staleTime: Infinity,
  });
  return (query.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }));
}

export function CountrySelect(props: Omit<SelectProps, 'data'>) {
  const data = useCountries();
  return <Select data={data} searchable clearable limit={50} comboboxProps={{ withinPortal: true }} {...props} />;
}

export function CountryMultiSelect(props: Omit<MultiSelectProps, 'data'>) {
  const data = useCountries();
  return <MultiSelect data={data} searchable clearable limit={50} comboboxProps={{ withinPortal: true }} {...props} />;
}
