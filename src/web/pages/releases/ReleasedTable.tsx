import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatsResult } from '../../../contracts/stats';
import { headerLabel } from '../stats/stats-data';

/** One released table (codes labelled from the catalogue, hidden values as "<10" / "x"), with its margins. */
export function ReleasedTable({ result }: { result: StatsResult }) {
  const { t } = useTranslation();
  const d = result;
  return (
    <div className="reta-table-wrap">
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {d.columns.map((c) => <Table.Th key={c.key}>{c.key === 'value' ? t('open_data.count') : headerLabel(d.by[1], c)}</Table.Th>)}
            {d.by.length >= 2 && <Table.Th>{t('open_data.total')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.rows.map((r, i) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row">{headerLabel(d.by[0], r)}</Table.Th>
              {d.cells[i]!.map((c, j) => <Table.Td key={j}>{c.display}</Table.Td>)}
              {d.by.length >= 2 && <Table.Td fw={600}>{d.totals.rows[i]?.display}</Table.Td>}
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">{t('open_data.total')}</Table.Th>
            {d.by.length >= 2 && d.totals.columns.map((c, j) => <Table.Td key={j} fw={600}>{c.display}</Table.Td>)}
            <Table.Td fw={700}>{d.totals.grand.display}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </div>
  );
}
