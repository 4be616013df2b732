import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test-utils';
import { RecordTable, type Column } from './RecordTable';

afterEach(() => cleanup());

interface Row {
  id: string;
  code: string;
  victims: number;
}
const rows: Row[] = [
  { id: 'a', code: 'RETA-1', victims: 2 },
  { id: 'b', code: 'RETA-2', victims: 0 },
];
const columns: Column<Row>[] = [
  { key: 'code', header: 'Código', cell: (r) => r.code, sortBy: 'code' },
  { key: 'victims', header: 'Víctimas', cell: (r) => r.victims },
];

describe('the record table', { timeout: 30_000 }, () => {
  it('says it is loading (not empty) before the first answer, then shows the rows', () => {
    function Later() {
      const [arrived, setArrived] = useState(false);
      return (
        <>
          <button onClick={() => setArrived(true)}>arrive</button>
          <RecordTable columns={columns} rows={arrived ? rows : undefined} rowKey={(r) => r.id} query={{ isLoading: !arrived }} empty="Nada" testId="t" />
        </>
      );
    }
    renderWithProviders(<Later />);
    expect(screen.getByTestId('loading-state').textContent).toContain('Cargando…');
    expect(screen.queryByTestId('empty-state')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'arrive' }));
    expect(screen.queryByTestId('loading-state')).toBeNull();
    const body = screen.getByTestId('t').querySelector('tbody')!;
    expect(within(body).getAllByRole('row').map((r) => r.textContent)).toEqual(['RETA-12', 'RETA-20']);
  });

  it('shows the empty message instead of a table when the answer has no rows, and the error of a failed query', () => {
    renderWithProviders(<RecordTable columns={columns} rows={[]} rowKey={(r) => r.id} query={{ isLoading: false, error: new Error('x') }} empty="No hay casos" testId="t" />);
    expect(screen.getByTestId('empty-state').textContent).toBe('No hay casos');
    expect(screen.queryByTestId('t')).toBeNull();
    expect(screen.getByRole('alert')).toBeTruthy();
  });

  it('sorts by a header: aria-sort tells the order, a second click reverses it', () => {
    function Sorted() {
      const [sort, setSort] = useState('code');
      return <RecordTable columns={columns} rows={rows} rowKey={(r) => r.id} empty="" sort={sort} onSort={setSort} />;
    }
    renderWithProviders(<Sorted />);
    const header = screen.getByRole('columnheader', { name: /Código/ });
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByRole('columnheader', { name: 'Víctimas' }).getAttribute('aria-sort')).toBeNull();
    fireEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
  });

  it('pages by number with a from–to summary', () => {
    const onChange = vi.fn();
    renderWithProviders(<RecordTable columns={columns} rows={rows} rowKey={(r) => r.id} empty="" paging={{ kind: 'offset', page: 1, pageSize: 2, total: 5, onChange }} />);
    expect(screen.getByText(/1.*2.*5/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Página 2' }));
    expect(onChange).toHaveBeenCalledWith(2);
  });

  it('pages by cursor: previous and next, disabled at the ends', () => {
    const onNext = vi.fn();
    renderWithProviders(<RecordTable columns={columns} rows={rows} rowKey={(r) => r.id} empty="" paging={{ kind: 'keyset', hasPrevious: false, hasNext: true, onPrevious: () => {}, onNext }} />);
    expect((screen.getByRole('button', { name: 'Página anterior' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Página siguiente' }));
    expect(onNext).toHaveBeenCalled();
  });

  it('opens a row from the keyboard (Enter, Space) and by a click; rows are Tab stops with a name', () => {
    const open = vi.fn();
    renderWithProviders(<RecordTable columns={columns} rows={rows} rowKey={(r) => r.id} empty="" onRowActivate={(r) => open(r.id)} rowLabel={(r) => `Abrir ${r.code}`} />);
    const row = screen.getByRole('row', { name: 'Abrir RETA-2' });
    expect(row.tabIndex).toBe(0);
    fireEvent.keyDown(row, { key: 'Enter' });
    fireEvent.keyDown(row, { key: ' ' });
    fireEvent.keyDown(row, { key: 'a' });
    fireEvent.click(screen.getByRole('row', { name: 'Abrir RETA-1' }));
    expect(open.mock.calls).toEqual([['b'], ['b'], ['a']]);
  });

  it('has a labelled search box that reports what is typed', () => {
    const onChange = vi.fn();
    renderWithProviders(<RecordTable columns={columns} rows={rows} rowKey={(r) => r.id} empty="" search={{ label: 'Buscar', value: '', onChange, testId: 's' }} />);
    fireEvent.change(screen.getByLabelText('Buscar'), { target: { value: 'RETA' } });
    expect(onChange).toHaveBeenCalledWith('RETA');
  });

  it('keeps rows that answer a previous search out of reach and says it is busy, the search box still usable', () => {
    const search = { label: 'Buscar', value: 'RETA-2', onChange: () => {} };
    function Answering() {
      const [arrived, setArrived] = useState(false);
      return (
        <>
          <button onClick={() => setArrived(true)}>arrive</button>
          <RecordTable columns={columns} rows={rows} rowKey={(r) => r.id} empty="Nada" testId="t" search={search} stale={!arrived} />
        </>
      );
    }
    renderWithProviders(<Answering />);
    const wrap = screen.getByTestId('t').closest('.reta-table-wrap')!;
    expect(wrap.hasAttribute('inert')).toBe(true);
    expect(wrap.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('searchbox', { name: 'Buscar' }).closest('[inert]')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'arrive' }));
    expect(wrap.hasAttribute('inert')).toBe(false);
    expect(wrap.hasAttribute('aria-busy')).toBe(false);
  });

  it('takes the rows of a query showing its previous answer (placeholder data) as stale, unless told otherwise', () => {
    const inert = (query: { isLoading: boolean; isPlaceholderData: boolean }, stale?: boolean) => {
      const { unmount } = renderWithProviders(<RecordTable columns={columns} rows={rows} rowKey={(r) => r.id} empty="Nada" testId="t" query={query} stale={stale} />);
      const result = screen.getByTestId('t').closest('.reta-table-wrap')!.hasAttribute('inert');
      unmount();
      return result;
    };
    expect(inert({ isLoading: false, isPlaceholderData: true })).toBe(true);
    expect(inert({ isLoading: false, isPlaceholderData: false })).toBe(false);
    expect(inert({ isLoading: false, isPlaceholderData: false }, true)).toBe(true);
    expect(inert({ isLoading: false, isPlaceholderData: true }, false)).toBe(false);
  });
});
