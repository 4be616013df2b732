import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The rows an import refused (first 200): where each was, its code, and why, in the reader's language. */
export function RejectedRows({ rows, whereLabel }: { rows: ReadonlyArray<{ where: string | number; code: string | null | undefined; reason: string }>; whereLabel: string }) {
  const { t } = useTranslation();
  if (!rows.length) return null;
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{whereLabel}</Table.Th>
          <Table.Th>{t('admin.field.code')}</Table.Th>
          <Table.Th>{t('admin.reference.reason')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.slice(0, 200).map((r) => (
          <Table.Tr key={String(r.where)}>
            <Table.Td>{r.where}</Table.Td>
            <Table.Td>{r.code ?? '—'}</Table.Td>
            <Table.Td>{t(r.reason, { ns: 'validation', defaultValue: t(r.reason, { ns: 'errors', defaultValue: r.reason }) })}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
