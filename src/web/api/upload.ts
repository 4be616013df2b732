import { currentCsrfToken } from './client';

export const csrfHeader = (): Record<string, string> => {
  const token = currentCsrfToken();
  return token ? { 'X-CSRF-Token': token } : {};
};
