import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { countItems, onDeviceChange } from './device-store';
import { onSynced, syncSoon } from './sync';

/** Online or not, and how many queued items wait; sends the queue when the connection comes back. */
export function useDeviceStatus() {
  const [online, setOnline] = useState(() => typeof navigator === 'undefined' || navigator.onLine);
  const [queued, setQueued] = useState(0);
  const client = useQueryClient();
  useEffect(() => {
    let alive = true;
    const recount = () => void countItems('queue').then((n) => alive && setQueued(n)).catch(() => undefined);
    const up = () => {
      setOnline(true);
      void syncSoon();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    const stopDevice = onDeviceChange(recount);
    // What was sent changes lists and pages: they are read again.
    const stopSynced = onSynced((result) => {
      if (result.sent > 0) void client.invalidateQueries();
    });
    // A send that failed for a moment (server restarting) is tried again while online.
    const timer = window.setInterval(() => void syncSoon(), 60_000);
    recount();
    return () => {
      alive = false;
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      stopDevice();
      stopSynced();
      window.clearInterval(timer);
    };
  }, [client]);
  return { online, queued };
}
