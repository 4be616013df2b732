import { useQuery } from '@tanstack/react-query';
import type { adminEndpoints } from '../../../contracts/endpoints/admin';
import type { ResponseOf } from '../../../contracts/endpoints/endpoint';
import { api } from '../../api/endpoints';

export type Institution = ResponseOf<typeof adminEndpoints.institutions.list>['items'][number];
export type Unit = ResponseOf<typeof adminEndpoints.units.list>['items'][number];
export type User = ResponseOf<typeof adminEndpoints.users.list>['items'][number];

export const useInstitutions = () => useQuery({ queryKey: ['institutions'], queryFn: () => api.admin.institutions.list(), select: (d) => d.items });
export const useUnits = (institutionId?: string | null) =>
  useQuery({ queryKey: ['units', institutionId ?? 'all'], queryFn: () => api.admin.units.list({ institutionId: institutionId ?? undefined }), select: (d) => d.items });
export const useUsers = () => useQuery({ queryKey: ['users'], queryFn: () => api.admin.users.list(), select: (d) => d.items });
