import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestUnit, type CandidateUnit } from './nearest-unit';

const unit = (code: string, ubigeo: string | null): CandidateUnit => ({ id: `id-${code}`, code, institutionId: 'pnp', ubigeo });

const districtPost = unit('D-CUSCO-WANCHAQ', '080108');
const provinceHq = unit('P-CUSCO', '0801');
const otherProvincePost = unit('D-URUBAMBA', '081301');
const departmentHq = unit('R-CUSCO', '08');
const national = unit('DIRCTPTIM', null);
const limaPost = unit('D-LIMA', '150101');

describe('nearest police unit for a hotline call', () => {
  it('prefers a unit in the same district', () => {
    const found = nearestUnit('080108', [limaPost, national, departmentHq, provinceHq, districtPost]);
    expect(found).toEqual({ unit: districtPost, level: 'district' });
  });

  it('falls back to the province (first 4 digits), preferring the provincial seat', () => {
    const found = nearestUnit('080101', [national, departmentHq, districtPost, provinceHq]);
    expect(found).toEqual({ unit: provinceHq, level: 'province' });
    expect(nearestUnit('080101', [national, departmentHq, districtPost])).toEqual({ unit: districtPost, level: 'province' });
  });

  it('falls back to the department (first 2 digits)', () => {
    expect(nearestUnit('080101', [national, otherProvincePost, limaPost])).toEqual({ unit: otherProvincePost, level: 'department' });
    expect(nearestUnit('080101', [national, otherProvincePost, departmentHq])).toEqual({ unit: departmentHq, level: 'department' });
  });

  it('falls back to a national unit, else to any unit, when nothing in the department', () => {
    expect(nearestUnit('170101', [limaPost, national, districtPost])).toEqual({ unit: national, level: 'national' });
    expect(nearestUnit('170101', [limaPost, districtPost])).toEqual({ unit: districtPost, level: 'national' });
  });

  it('sends calls from abroad or without a place to the national unit', () => {
    expect(nearestUnit(null, [limaPost, national])).toEqual({ unit: national, level: 'national' });
  });

  it('matches a call placed only by province or department at the level it gives', () => {
    expect(nearestUnit('0801', [departmentHq, districtPost])).toEqual({ unit: districtPost, level: 'province' });
    expect(nearestUnit('08', [limaPost, districtPost])).toEqual({ unit: districtPost, level: 'department' });
  });

  it('does not count a wider unit as being in a narrower area', () => {
    // A department HQ (08) is not "in" the district 080108.
    expect(nearestUnit('080108', [departmentHq])).toEqual({ unit: departmentHq, level: 'department' });
  });

  it('returns nothing when there is no police unit at all', () => {
    expect(nearestUnit('080108', [])).toBeNull();
  });

  it('always picks a candidate, whose UBIGEO shares the prefix of its level (property)', () => {
    const code = fc.oneof(fc.constant(null), fc.constantFrom('08', '0801', '080101', '080108', '15', '1501', '150101', '17'));
    fc.assert(
      fc.property(code, fc.array(code, { minLength: 1, maxLength: 8 }), (place, ubigeos) => {
        const candidates = ubigeos.map((u, i) => unit(`U${i}`, u));
        const found = nearestUnit(place, candidates)!;
        expect(candidates).toContain(found.unit);
        const digits = { district: 6, province: 4, department: 2, national: 0 }[found.level];
        if (digits > 0) expect(found.unit.ubigeo!.startsWith(place!.slice(0, digits))).toBe(true);
        // Never a worse level than an available better one: a district match wins whenever one exists.
        if (place?.length === 6 && ubigeos.includes(place)) expect(found.level).toBe('district');
      }),
    );
  });
});
