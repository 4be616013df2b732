import { Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsResult } from '../../../contracts/stats';
import { nextSort, sortedRows, type CellRef, type PivotSort } from './pivot-model';
import { headerLabel } from './stats-data';

type Cell = StatsResult['cells'][number][number];

export interface PivotTableProps {
  result: StatsResult;
  /** The table's name: its caption. */
  caption: string;
  dimensionName: (id: string) => string;
  valueName: string;
  /** Set when the reader may open the cases behind a figure. */
  onOpen?: (cell: CellRef, description: string) => void;
}

/** A figure: a button to its cases when it can be broken down, else the number (or the "<10"/"x" of disclosure control). */
function Figure({ cell, description, onOpen }: { cell: Cell; description: string; onOpen?: () => void }) {
  const { t } = useTranslation();
  const hidden = cell.status !== 'published';
  const text = (
    <>
      {cell.display}
      {cell.percent !== null && <Text span size="xs" c="dark.4">{` (${cell.percent}%)`}</Text>}
    </>
  );
  if (hidden) {
    return (
      <Text span size="sm" title={t('stats.pivot.hidden')} data-status={cell.status}>
        {cell.display}
        <VisuallyHidden>{` ${t('stats.pivot.hidden')}`}</VisuallyHidden>
      </Text>
    );
  }
  if (!onOpen || !cell.value) return <Text span size="sm">{text}</Text>;
  return (
    <UnstyledButton onClick={onOpen} aria-label={t('stats.pivot.open_cases', { what: description, value: cell.display })} style={{ textDecoration: 'underline', fontSize: 'var(--mantine-font-size-sm)' }} data-testid="pivot-figure">
      {text}
    </UnstyledButton>
  );
}

function SortHeader({ label, sortKey, sort, onSort }: { label: string; sortKey: 'label' | 'total' | number; sort: PivotSort; onSort: (s: PivotSort) => void }) {
  const { t } = useTranslation();
  const active = sort?.key === sortKey ? sort.direction : null;
  return (
    <Table.Th aria-sort={active === 'asc' ? 'ascending' : active === 'desc' ? 'descending' : 'none'}>
      <UnstyledButton onClick={() => onSort(nextSort(sort, sortKey))} fw={700} fz="sm" aria-label={t('stats.pivot.sort_by', { name: label })}>
        {label} {active === 'asc' ? '▲' : active === 'desc' ? '▼' : ''}
      </UnstyledButton>
    </Table.Th>
  );
}

/** Rows × columns with their totals; headers sort; every published figure opens the cases behind it. */
export function PivotTable({ result, caption, dimensionName, valueName, onOpen }: PivotTableProps) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<PivotSort>(null);
  const [rowDim, colDim] = result.by;
  const twoD = result.by.length >= 2;
  const rowLabel = (i: number) => headerLabel(rowDim, result.rows[i]!);
  const colLabel = (j: number) => headerLabel(colDim, result.columns[j]!);
  const order = sortedRows(result, sort, rowLabel);
  const total = t('stats.pivot.total');
  const open = (cell: CellRef, description: string) => (onOpen ? () => onOpen(cell, description) : undefined);

  if (!rowDim) {
    return (
      <Table withTableBorder captionSide="top" data-testid="pivot-table">
        <caption>{caption}</caption>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">{total}</Table.Th>
            <Table.Td><Figure cell={result.totals.grand} description={total} onOpen={open({}, total)} /></Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    );
  }
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table withTableBorder withColumnBorders striped captionSide="top" data-testid="pivot-table">
        <caption>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <SortHeader label={dimensionName(rowDim)} sortKey="label" sort={sort} onSort={setSort} />
            {twoD
              ? result.columns.map((c, j) => <SortHeader key={c.key} label={colLabel(j)} sortKey={j} sort={sort} onSort={setSort} />)
              : <SortHeader label={valueName} sortKey="total" sort={sort} onSort={setSort} />}
            {twoD && <SortHeader label={total} sortKey="total" sort={sort} onSort={setSort} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {order.map((i) => {
            const row = result.rows[i]!;
            return (
              <Table.Tr key={row.key}>
                <Table.Th scope="row" fw={500}>{rowLabel(i)}</Table.Th>
                {result.cells[i]!.map((cell, j) => {
                  const ref: CellRef = twoD ? { row: row.key, column: result.columns[j]!.key } : { row: row.key };
                  const description = twoD ? `${rowLabel(i)} · ${colLabel(j)}` : rowLabel(i);
                  return <Table.Td key={j}><Figure cell={cell} description={description} onOpen={open(ref, description)} /></Table.Td>;
                })}
                {twoD && <Table.Td fw={600}><Figure cell={result.totals.rows[i]!} description={`${rowLabel(i)} · ${total}`} onOpen={open({ row: row.key }, `${rowLabel(i)} · ${total}`)} /></Table.Td>}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{total}</Table.Th>
            {twoD && result.totals.columns.map((cell, j) => (
              <Table.Td key={j} fw={600}><Figure cell={cell} description={`${total} · ${colLabel(j)}`} onOpen={open({ column: result.columns[j]!.key }, `${total} · ${colLabel(j)}`)} /></Table.Td>
            ))}
            <Table.Td fw={700}><Figure cell={result.totals.grand} description={total} onOpen={open({}, total)} /></Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
