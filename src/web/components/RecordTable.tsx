import { Button, Group, Table, TextInput, UnstyledButton, type MantineBreakpoint, type TableTrProps } from '@mantine/core';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorAlert } from './common';
import { Pager } from './Pager';
import { QueryLoading } from './QueryLoading';

export interface Column<T> {
  /** Stable name of the column (React key). */
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Hidden below this width (secondary columns on a phone). */
  visibleFrom?: MantineBreakpoint;
  /** The API's sort field: the header becomes a button that sorts by it (`field`, then `-field`). */
  sortBy?: string;
  miw?: number;
}

/** Pages as the API gives them: numbered (`page`/`pageSize`/`total`) or keyset (`nextCursor`). */
export type Paging =
  | { kind: 'offset'; page: number; pageSize: number; total: number; onChange: (page: number) => void }
  | { kind: 'keyset'; hasPrevious: boolean; hasNext: boolean; onPrevious: () => void; onNext: () => void };

export interface SearchBox {
  label: string;
  placeholder?: string;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
  maxLength?: number;
}

export interface RecordTableProps<T> {
  columns: Column<T>[];
  /** `undefined` while nothing has arrived yet (then the loading state, never a misleading empty list). */
  rows: T[] | undefined;
  rowKey: (row: T) => string;
  /**
   * The query's state: first load shows "Cargando…", an error its message, and rows kept from the previous
   * answer (`placeholderData: keepPreviousData`) are stale until the new one comes.
   */
  query?: { isLoading: boolean; error?: unknown; isPlaceholderData?: boolean };
  /** What an empty answer says. */
  empty: ReactNode;
  testId?: string;
  /** The table's accessible name, when the page shows more than one table (e.g. a detail's own log). */
  label?: string;
  /** A visible caption that names the table (e.g. "Errores" above a file's refused rows). */
  caption?: ReactNode;
  /** `sort` as the API takes it (`field` or `-field`), and what a header click asks for. */
  sort?: string;
  onSort?: (sort: string) => void;
  paging?: Paging;
  search?: SearchBox;
  /** Filters or actions above the table, beside the search box. */
  toolbar?: ReactNode;
  /**
   * Opening a row: the row is reached with Tab and opened with Enter or Space (and a click). Only for rows
   * without their own link or button, which would be a second stop for the same thing.
   */
  onRowActivate?: (row: T) => void;
  /** What a row opened with `onRowActivate` is called by screen readers (e.g. the case code). */
  rowLabel?: (row: T) => string;
  rowProps?: (row: T) => TableTrProps;
  /**
   * A wide table that scrolls sideways is named by this: its wrapper becomes a region the keyboard can reach
   * and scroll (WCAG 2.1.1).
   */
  region?: string;
  /**
   * The rows shown answer other filters or another page than those now chosen (the new answer is on its
   * way): they stay visible but cannot be acted on, and the table says it is busy. Defaults to the query's
   * `isPlaceholderData`; given when more than the query decides it (e.g. a search still settling).
   */
  stale?: boolean;
  striped?: boolean;
  highlightOnHover?: boolean;
  verticalSpacing?: 'xs' | 'sm' | 'md';
}

/** Rows that answer previous filters while the new answer is on its way: visible, out of reach, marked busy. */
export const staleProps = (stale: boolean | undefined) =>
  stale ? { inert: true, 'aria-busy': true as const, 'data-stale': true, style: { opacity: 0.6 } } : {};

function SortHeader({ label, field, sort, onSort }: { label: ReactNode; field: string; sort?: string; onSort: (sort: string) => void }) {
  const direction = sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : undefined;
  return (
    <UnstyledButton fw={700} fz="sm" onClick={() => onSort(direction === 'ascending' ? `-${field}` : field)} data-sort={direction ?? 'none'}>
      {label}
      <span aria-hidden> {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}</span>
    </UnstyledButton>
  );
}

function KeysetPager({ paging }: { paging: Extract<Paging, { kind: 'keyset' }> }) {
  const { t } = useTranslation();
  if (!paging.hasPrevious && !paging.hasNext) return null;
  return (
    <Group justify="flex-end" mt="sm" gap="xs">
      <Button size="xs" variant="default" disabled={!paging.hasPrevious} onClick={paging.onPrevious}>{t('common.pager.previous')}</Button>
      <Button size="xs" variant="default" disabled={!paging.hasNext} onClick={paging.onNext}>{t('common.pager.next')}</Button>
    </Group>
  );
}

/**
 * The app's list of records: loading and error states, the empty message, sortable headers (aria-sort),
 * numbered or keyset paging, an optional search box, and rows a keyboard can open. Pages describe
 * columns; the table does the rest the same way everywhere.
 */
export function RecordTable<T>(props: RecordTableProps<T>) {
  const { columns, rows, rowKey, query, empty, testId, sort, onSort, paging, search, toolbar, onRowActivate, rowLabel, rowProps } = props;
  const activate = (row: T) => (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.target !== event.currentTarget || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    onRowActivate?.(row);
  };
  return (
    <>
      {(search || toolbar) && (
        <Group wrap="wrap" mb="sm" align="flex-end">
          {search && (
            <TextInput
              type="search"
              label={search.label}
              placeholder={search.placeholder}
              value={search.value}
              maxLength={search.maxLength ?? 100}
              onChange={(e) => search.onChange(e.currentTarget.value)}
              data-testid={search.testId}
            />
          )}
          {toolbar}
        </Group>
      )}
      {query && <QueryLoading query={query} />}
      {query && <ErrorAlert error={query.error} />}
      {rows && rows.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <div
          className="reta-table-wrap"
          {...(props.region ? { tabIndex: 0, role: 'region', 'aria-label': props.region } : {})}
          {...staleProps(props.stale ?? query?.isPlaceholderData)}
        >
          <Table striped={props.striped} highlightOnHover={props.highlightOnHover ?? Boolean(onRowActivate)} verticalSpacing={props.verticalSpacing} data-testid={testId} aria-label={props.label}>
            {props.caption && <Table.Caption>{props.caption}</Table.Caption>}
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) => {
                  const direction = column.sortBy && (sort === column.sortBy ? 'ascending' : sort === `-${column.sortBy}` ? 'descending' : undefined);
                  return (
                    <Table.Th key={column.key} visibleFrom={column.visibleFrom} aria-sort={column.sortBy && onSort ? (direction || 'none') : undefined}>
                      {column.sortBy && onSort ? <SortHeader label={column.header} field={column.sortBy} sort={sort} onSort={onSort} /> : column.header}
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(rows ?? []).map((row) => (
                <Table.Tr
                  key={rowKey(row)}
                  {...rowProps?.(row)}
                  {...(onRowActivate
                    ? { tabIndex: 0, 'aria-label': rowLabel?.(row), style: { cursor: 'pointer' }, onClick: () => onRowActivate(row), onKeyDown: activate(row), 'data-activatable': true }
                    : {})}
                >
                  {columns.map((column) => (
                    <Table.Td key={column.key} visibleFrom={column.visibleFrom} miw={column.miw}>
                      {column.cell(row)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {paging?.kind === 'offset' && rows && <Pager page={paging.page} pageSize={paging.pageSize} total={paging.total} onChange={paging.onChange} />}
      {paging?.kind === 'keyset' && rows && <KeysetPager paging={paging} />}
    </>
  );
}
