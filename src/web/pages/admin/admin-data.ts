import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { institutionView, unitView, userView } from '../../../contracts/admin';
import { api } from '../../api/client';

export type Institution = z.infer<typeof institutionView>;
export type Unit = z.infer<typeof unitView>;
export type User = z.infer<typeof userView>;

export const useInstitutions = () =>
  useQuery({ queryKey: ['institutions'], queryFn: () => api.get<{ items: Institution[] }>('/api/v1/institutions'), select: (d) => d.items });
export const useUnits = (institutionId?: string | null) =>
  useQuery({
    queryKey: ['units', institutionId ?? 'all'],
    queryFn: () => api.get<{ items: Unit[] }>('/api/v1/units', { query: { institutionId: institutionId ?? undefined } }),
    select: (d) => d.items,
  });
export const useUsers = () => useQuery({ queryKey: ['users'], queryFn: () => api.get<{ items: User[] }>('/api/v1/users'), select: (d) => d.items });
