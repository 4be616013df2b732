import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Paging } from '../components/RecordTable';
import { api, type RequestOptions } from './client';

/**
 * A numbered list from the API (`page`, `pageSize` in, `items`, `total` out): the query — the previous page kept,
 * marked stale, while the next one comes — and the `paging` a RecordTable takes. `key` is the query key's prefix,
 * what a save invalidates.
 */
export function usePagedList<T>(key: string, path: string, params: RequestOptions['query'] = {}, pageSize = 25) {
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: [key, page, params],
    queryFn: () => api.get<{ items: T[]; total: number }>(path, { query: { ...params, page, pageSize } }),
    placeholderData: keepPreviousData,
  });
  const paging: Paging | undefined = query.data && { kind: 'offset', page, pageSize, total: query.data.total, onChange: setPage };
  return { query, paging };
}
