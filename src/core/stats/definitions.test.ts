import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ctdcAgeBroad, peruLegalAgeBand, retaAgeBand } from '../age';
import en from '../../i18n/en/indicators';
import es from '../../i18n/es/indicators';
import { ageSchemes, bandOf } from './age-schemes';
import { dimensionIds } from './dimensions';
import { districtAreas, districtOf, prosecutionDistricts } from './districts';
import { indicators } from './indicators';
import { referenceFile } from '../../../test/reference-data';

describe('indicator definitions', () => {
  it('are unique, name only known dimensions, and multi-select ones among them', () => {
    expect(new Set(indicators.map((i) => i.id)).size).toBe(indicators.length);
    for (const i of indicators) {
      for (const d of i.dimensions) expect(dimensionIds).toContain(d);
      for (const d of i.multi) expect(i.dimensions).toContain(d);
    }
  });

  it('have a name, a description and a date text in Spanish and English', () => {
    for (const catalogue of [es, en]) {
      for (const i of indicators) {
        const entry = (catalogue.indicators as Record<string, { name: string; description: string }>)[i.id];
        expect(entry?.name, i.id).toBeTruthy();
        expect(entry?.description, i.id).toBeTruthy();
        expect((catalogue.dates as Record<string, string>)[i.date], i.date).toBeTruthy();
      }
      for (const d of dimensionIds) expect((catalogue.dimensions as Record<string, string>)[d], d).toBeTruthy();
    }
  });
});

describe('age schemes', () => {
  it('agree with the pure functions of src/core/age.ts for every age', () => {
    for (let age = 0; age <= 110; age++) {
      expect(bandOf(ageSchemes.reta, age)).toBe(retaAgeBand(age));
      expect(bandOf(ageSchemes.peru, age)).toBe(peruLegalAgeBand(age));
      expect(bandOf(ageSchemes.ctdc, age)).toBe(ctdcAgeBroad(age));
    }
    expect(bandOf(ageSchemes.reta, null, 'under_14')).toBe('0_13');
    expect(bandOf(ageSchemes.reta, null, '18_plus')).toBeNull();
    expect(bandOf(ageSchemes.peru, null, '18_plus')).toBe('18_plus');
  });
});

describe('prosecution districts', () => {
  it('lists the 34 districts and places provinces and Lima districts by longest prefix', () => {
    expect(prosecutionDistricts).toHaveLength(34);
    expect(districtOf('170101')).toBe('MADRE_DE_DIOS');
    expect(districtOf('021801')).toBe('SANTA');
    expect(districtOf('020101')).toBe('ANCASH');
    expect(districtOf('150132')).toBe('LIMA_ESTE');
    expect(districtOf('150101')).toBe('LIMA');
    expect(districtOf('070106')).toBe('LIMA_NOROESTE');
    expect(districtOf('070101')).toBe('CALLAO');
    expect(districtOf('200501')).toBe('SULLANA');
    expect(districtOf(null)).toBeNull();
    const prefixes = districtAreas().map((a) => a.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('matches the reference list of the public ministry when it is available', () => {
    const path = referenceFile('distritos_fiscales_peru.csv');
    const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
    const builtIn = prosecutionDistricts.map((d) => strip(d.name)).sort();
    const reference = existsSync(path)
      ? readFileSync(path, 'utf8').trim().split('\n').slice(1).map((line) => strip(line.split(',')[0]!)).sort()
      : builtIn;
    expect(builtIn).toEqual(reference);
  });
});
