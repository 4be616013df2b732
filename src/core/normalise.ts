/** Normalisation used before blind-indexing, so that spelling variants of the same value match. */

export function stripAccents(value: string): string {
  // Ñ is a letter of its own in Spanish names, not an N with an accent.
  return value.replace(/ñ/gi, (m) => (m === 'ñ' ? '\u0001' : '\u0002')).normalize('NFD').replace(/\p{M}/gu, '').replace(/\u0001/g, 'ñ').replace(/\u0002/g, 'Ñ');
}

/** Upper case, no accents, letters only, tokens sorted: "Quispe  Mamani, María" = "MARIA MAMANI QUISPE". */
export function normaliseFullName(...parts: Array<string | undefined | null>): string {
  return nameTokens(parts.filter(Boolean).join(' ')).sort().join(' ');
}

export function nameTokens(value: string): string[] {
  return stripAccents(value)
    .toUpperCase()
    .replace(/[^\p{L}\s]/gu, ' ')
    .split(/\s+/)
    .filter((token) => token.length > 0);
}

/** Document type and number as one key: "dni", " 4567-8912 " → "DNI:45678912". */
export function normaliseDocument(type: string, number: string): string {
  return `${type.trim().toUpperCase()}:${number.toUpperCase().replace(/[^0-9A-Z]/g, '')}`;
}
