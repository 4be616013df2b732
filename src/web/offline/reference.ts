import type { MeView } from '../../contracts/auth';
import type { UbigeoView } from '../../contracts/reference';
import { api } from '../api/client';

const WARMED = 'reta.reference-warmed';
const DAY = 86_400_000;

/**
 * Fetches, once a day while online, the places of the user's departments (provinces and their districts),
 * so the service worker holds them for forms filled with no connection (README "Offline work"). Places are
 * reference data, the same for everyone; only the date of the last fetch is kept, in localStorage.
 */
export async function warmReference(user: MeView) {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator) || !navigator.serviceWorker.controller) return;
  try {
    const last = Number(localStorage.getItem(WARMED) ?? 0);
    if (Date.now() - last < DAY) return;
    // Nationwide users get the provinces of every department; the districts only of their own scope.
    const departments = user.scope.national ? [] : user.scope.departments;
    for (const department of departments) {
      const provinces = await api.get<{ items: UbigeoView[] }>('/api/v1/reference/ubigeo', { query: { parent: department } });
      for (const province of provinces.items) await api.get('/api/v1/reference/ubigeo', { query: { parent: province.code } });
    }
    localStorage.setItem(WARMED, String(Date.now()));
  } catch {
    // offline or a server hiccup: tried again at the next sign-in or session check
  }
}
