import { describe, expect, it } from 'vitest';
import { readSearchTerm } from './search-term';

describe('reading a search term', () => {
  it('reads a case code and its tail', () => {
    expect(readSearchTerm(' reta-2026-000123 ').caseCode).toBe('RETA-2026-000123');
    expect(readSearchTerm('2026-000123').caseCode).toBe('2026-000123');
    expect(readSearchTerm('RETA2026-000123').caseCode).toBe('RETA-2026-000123');
    expect(readSearchTerm('Quispe').caseCode).toBeNull();
  });

  it('reads a document number only when the term holds digits', () => {
    expect(readSearchTerm('4567-8912').documentNumber).toBe('4567-8912');
    expect(readSearchTerm('María Quispe').documentNumber).toBeNull();
    expect(readSearchTerm('12').documentNumber).toBeNull();
    expect(readSearchTerm('RETA-2026-000123').documentNumber).toBeNull();
    expect(readSearchTerm('2026-000123').documentNumber).toBe('2026-000123');
    expect(readSearchTerm("45678912'; drop table").documentNumber).toBeNull();
  });

  it('reads names as normalised tokens, never from a term with digits', () => {
    expect(readSearchTerm('  quispe  MAMANÍ, maría ').nameTokens).toEqual(['QUISPE', 'MAMANI', 'MARIA']);
    expect(readSearchTerm('Peña').nameTokens).toEqual(['PEÑA']);
    expect(readSearchTerm('RETA-2026-1').nameTokens).toEqual([]);
    expect(readSearchTerm('a b').nameTokens).toEqual([]);
  });
});
