import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeLists } from '../../core/codes';
import enCodes from '../../i18n/en/codes';
import enUi from '../../i18n/en/ui';
import esCodes from '../../i18n/es/codes';
import esUi from '../../i18n/es/ui';
import { flatten } from './flatten';

const es = flatten(esUi);
const en = flatten(enUi);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') && !name.endsWith('.test.tsx') ? [path] : [];
  });
}

describe('UI catalogues', () => {
  it('Spanish and English have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(es).sort());
  });

  it('every literal key the screens ask for exists (ui namespace)', () => {
    const missing: string[] = [];
    for (const file of sources(join(__dirname, '..'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\('([a-z_]+(?:\.[A-Za-z0-9_+-]+)+)'(, \{ ns: '(\w+)')?/g)) {
        const [, key, , ns] = match;
        if (ns && ns !== 'ui') continue;
        // A key asked for with a count may exist only as its plural forms (i18next: key_one, key_other).
        if (!(key! in es) && !(`${key}_other` in es && `${key}_one` in es)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every code of every code list has a Spanish and an English label', () => {
    const missing: string[] = [];
    for (const [list, codes] of Object.entries(codeLists)) {
      for (const code of codes) {
        if (!esCodes[list]?.[code]) missing.push(`es ${list}.${code}`);
        if (!enCodes[list]?.[code]) missing.push(`en ${list}.${code}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
