import type { Tx } from '../../db/connect';
import type { Config } from '../config';
import { loadSigningKey, makeAnchor, recordAnchor, recordedAnchors } from './audit.anchor';

type AnchorConfig = Pick<Config, 'auditAnchorEveryMinutes' | 'auditAnchorDir' | 'auditSigningKeyFile'>;

function lastRecorded(dir: string): { seq: number; head: string } | undefined {
  try {
    return recordedAnchors(dir).at(-1);
  } catch {
    return undefined; // an unreadable anchor file is for `reta audit verify` to report; keep anchoring
  }
}

/**
 * While the server runs: an anchor at start and then every `auditAnchorEveryMinutes`, each time the chain
 * has moved since the last one. Returns the function that stops it. Failures are reported, never thrown:
 * anchoring must not take the registry down.
 */
export function startAnchoring(db: Tx, config: AnchorConfig, report: (error: unknown) => void): () => void {
  if (config.auditAnchorEveryMinutes <= 0) return () => undefined;
  let key: ReturnType<typeof loadSigningKey>;
  try {
    key = loadSigningKey(config.auditSigningKeyFile);
  } catch (error) {
    report(error);
    return () => undefined;
  }
  let last = lastRecorded(config.auditAnchorDir);
  const tick = async () => {
    try {
      const anchor = await makeAnchor(db, key);
      if (last && last.seq === anchor.seq && last.head === anchor.head) return;
      recordAnchor(config.auditAnchorDir, anchor, key);
      last = anchor;
    } catch (error) {
      report(error);
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), config.auditAnchorEveryMinutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
