import { z } from 'zod';
import { entityNames } from './import.entities';
import type { ReadEvent } from './import.reader';

/**
 * A legacy spreadsheet's names mapped once to the template's: sheets (`"Hoja1": "victims"`) and, per entity,
 * columns (`"NOMBRE DE LA VICTIMA": "nombres"`). Saved per institution and reused (`--mapping m.json`).
 */
export const importMapping = z.strictObject({
  sheets: z.record(z.string().max(200), z.enum(entityNames)).optional(),
  columns: z.partialRecord(z.enum(entityNames), z.record(z.string().max(200), z.string().max(200))).optional(),
});
export type ImportMapping = z.infer<typeof importMapping>;

const norm = (s: string) => s.trim().toLowerCase();

/** The event as if the file used the template's names. */
export function applyMapping(event: ReadEvent, mapping: ImportMapping | undefined): ReadEvent {
  if (!mapping) return event;
  const sheetOf = (name: string) => Object.entries(mapping.sheets ?? {}).find(([k]) => norm(k) === norm(name))?.[1] ?? name;
  const sheet = sheetOf(event.sheet);
  const columns = Object.entries(mapping.columns?.[sheet as keyof NonNullable<ImportMapping['columns']>] ?? {});
  const rename = (h: string) => columns.find(([k]) => norm(k) === norm(h))?.[1] ?? h;
  if (event.type === 'sheet') return { ...event, sheet, headers: event.headers.map(rename) };
  return { ...event, sheet, values: Object.fromEntries(Object.entries(event.values).map(([k, v]) => [rename(k), v])) };
}
