import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseCell } from './csv-safety';

describe('CSV cell neutralisation', () => {
  it('prefixes a quote to text that a spreadsheet would run as a formula', () => {
    for (const bad of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=1', '\r=1', '=HYPERLINK("http://x")']) expect(neutraliseCell(bad)).toBe(`'${bad}`);
  });

  it('also catches fullwidth and other compatibility forms of the signs (NFKC)', () => {
    for (const bad of ['＝HYPERLINK("http://x","y")', '＋SUM(A1)', '－2+3', '＠cmd', '﹦1+1', '﹢1', '﹣1', '﹫cmd']) expect(neutraliseCell(bad)).toBe(`'${bad}`);
  });

  it('leaves ordinary text and numbers unchanged', () => {
    expect(neutraliseCell('Madre de Dios')).toBe('Madre de Dios');
    expect(neutraliseCell('<10')).toBe('<10');
    expect(neutraliseCell(-3)).toBe(-3);
    expect(neutraliseCell(null)).toBe(null);
  });

  it('never lets a text cell start with a formula sign', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      expect(String(neutraliseCell(s)).normalize('NFKC')).not.toMatch(/^[=+\-@\t\r]/);
    }));
    fc.assert(fc.property(fc.constantFrom('＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫', '='), fc.string(), (sign, rest) => {
      expect(String(neutraliseCell(sign + rest)).normalize('NFKC')).not.toMatch(/^[=+\-@\t\r]/);
    }));
  });
});
