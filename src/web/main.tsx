import './styles/first-paint';
import './app.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { ApiError } from './api/client';
import { LocalisedMantineProvider } from './components/LocalisedMantineProvider';
import { SessionProvider } from './api/session';
import { startI18n } from './i18n/setup';
import { cssVariablesResolver, theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2,
      // Offline, a read is still tried once: a case kept on this device answers from the device store.
      networkMode: 'offlineFirst',
    },
    // Offline, a save is not held back by React Query: it goes to the device's queue (src/web/offline/send.ts).
    mutations: { networkMode: 'always' },
  },
});

// English readers wait for their catalogue (a small chunk); Spanish is in the first download.
void startI18n().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <LocalisedMantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <SessionProvider>
              <App />
            </SessionProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </LocalisedMantineProvider>
    </StrictMode>,
  ),
);

// The installable, offline-capable app (README "Offline work"): the service worker keeps the shell and the
// reference data; a new build installs itself at the next visit (queued work is in IndexedDB, untouched).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined));
}
