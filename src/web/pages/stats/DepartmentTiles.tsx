import { SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { peruDepartments } from '../../../core/geo/departments';
import { departmentTiles as layout, TILE_COLUMNS, TILE_ROWS } from '../../../core/geo/tile-layout';
import { useFormat } from '../../i18n/format';

/** Peru's departments as a tile-grid map (the layout is in src/core/geo/tile-layout.ts). */
export function DepartmentTiles({ values, selected, onSelect, label }: { values: Record<string, { value: number | null; display: string }>; selected?: string; onSelect: (code: string | undefined) => void; label: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const max = Math.max(1, ...Object.values(values).map((v) => v.value ?? 0));
  const cells: Array<{ code: string; name: string } | null> = Array.from({ length: TILE_ROWS * TILE_COLUMNS }, () => null);
  for (const d of peruDepartments) {
    const [row, col] = layout[d.code] ?? [8, 0];
    cells[row * TILE_COLUMNS + col] = d;
  }
  return (
    <SimpleGrid cols={TILE_COLUMNS} spacing={4} aria-label={label} role="group" data-testid="department-tiles">
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
