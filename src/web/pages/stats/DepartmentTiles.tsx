import { SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { peruDepartments } from '../../../core/geo/departments';
import { useFormat } from '../../i18n/format';

/**
 * Peru's departments as a tile-grid map: each department one equal tile placed roughly where it lies
 * (north to south, west to east), so small departments are as visible as large ones.
 */
const layout: Record<string, [number, number]> = {
  '24': [0, 1], '16': [0, 3], '20': [1, 0], '06': [1, 1], '01': [1, 2], '14': [2, 0], '22': [2, 2], '13': [2, 1], '25': [2, 3],
  '02': [3, 1], '10': [3, 2], '19': [3, 3], '15': [4, 1], '07': [4, 0], '12': [4, 2], '09': [5, 1], '05': [5, 2], '08': [5, 3], '17': [4, 4],
  '11': [6, 1], '03': [6, 2], '21': [6, 4], '04': [7, 2], '18': [7, 3], '23': [8, 3],
};

export function DepartmentTiles({ values, selected, onSelect, label }: { values: Record<string, { value: number | null; display: string }>; selected?: string; onSelect: (code: string | undefined) => void; label: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const max = Math.max(1, ...Object.values(values).map((v) => v.value ?? 0));
  const cells: Array<{ code: string; name: string } | null> = Array.from({ length: 9 * 5 }, () => null);
  for (const d of peruDepartments) {
    const [row, col] = layout[d.code] ?? [8, 0];
    cells[row * 5 + col] = d;
  }
  return (
    <SimpleGrid cols={5} spacing={4} aria-label={label} role="group" data-testid="department-tiles">
      {cells.map((d, i) => {
        if (!d) return <div key={i} />;
        const v = values[d.code];
        const share = (v?.value ?? 0) / max;
        const dark = share > 0.5;
        return (
          <UnstyledButton
            key={d.code}
            onClick={() => onSelect(selected === d.code ? undefined : d.code)}
            aria-pressed={selected === d.code}
            aria-label={t('stats.tile_label', { name: d.name, value: v?.display ?? f.number(0) })}
            style={{
              background: v?.value ? `rgba(55, 48, 163, ${0.12 + 0.88 * share})` : '#f1f3f5',
              color: dark ? '#fff' : '#1a1b1e',
              outline: selected === d.code ? '3px solid #f59f00' : undefined,
              borderRadius: 4,
              padding: '4px 6px',
              minHeight: 48,
            }}
          >
            <Text size="xs" fw={600} lh={1.1} truncate>{d.name}</Text>
            <Text size="sm" lh={1.2}>{v?.display ?? '0'}</Text>
          </UnstyledButton>
        );
      })}
    </SimpleGrid>
  );
}
