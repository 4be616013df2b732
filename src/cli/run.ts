import { loadConfig } from '../server/config';
import { openRegistry, type Registry } from '../server/bootstrap';
import { DataDirLockedError } from '../db/lock';
import { KeyError } from '../server/crypto/keys';

/** Opens the registry for a one-off command, runs it, closes it; known failures print one clear line. */
export async function withRegistry<T>(command: string, work: (registry: Registry) => Promise<T>): Promise<T> {
  const registry = await openRegistry(loadConfig(), `reta ${command}`);
  try {
    return await work(registry);
  } finally {
    await registry.close();
  }
}

export function reportFailure(error: unknown): never {
  if (error instanceof DataDirLockedError || error instanceof KeyError) {
    console.error(`reta: ${error.message}`);
  } else if (error instanceof Error && 'code' in error && typeof (error as { code: unknown }).code === 'string' && (error as { status?: number }).status) {
    const e = error as Error & { code: string; fields?: Record<string, string> };
    console.error(`reta: ${e.code}${e.fields ? ' ' + JSON.stringify(e.fields) : ''}`);
  } else {
    console.error('reta:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
}
