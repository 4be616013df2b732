import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test-utils';
import { Chart } from './Chart';
import { describeChart } from './chart-description';

afterEach(() => cleanup());

describe('charts read by a screen reader', () => {
  it('the text alternative gives the data in the page language, never NaN', () => {
    const pyramid = {
      yAxis: { type: 'category', data: ['0 a 11 años', '12 a 17 años'] },
      xAxis: { type: 'value' },
      series: [
        { type: 'bar', name: 'Mujer', data: [-1234, -5] },
        { type: 'bar', name: 'Hombre', data: [7, null] },
      ],
    };
    renderWithProviders(<Chart option={pyramid} label="Pirámide de edades" testId="chart" />);
    const label = screen.getByTestId('chart').getAttribute('aria-label')!;
    const thousands = new Intl.NumberFormat('es-PE').format(1234);
    expect(label).toBe(`Pirámide de edades. Mujer: 0 a 11 años ${thousands}, 12 a 17 años 5. Hombre: 0 a 11 años 7, 12 a 17 años —`);
    expect(label).not.toMatch(/NaN|chart|data/i);
  });

  it('named data (funnel, pie) and flows (sankey) are described too', () => {
    const n = (v: number) => String(v);
    expect(describeChart({ series: [{ type: 'funnel', data: [{ name: 'Denuncias', value: 10 }, { name: 'Acusaciones', value: 0 }] }] }, n)).toBe('Denuncias 10, Acusaciones 0');
    expect(describeChart({ series: [{ type: 'sankey', links: [{ source: 'Loreto ▸', target: '▸ Lima', value: 3 }] }] }, n)).toBe('Loreto ▸ ▸ Lima 3');
    expect(describeChart({ xAxis: [{ type: 'category', data: ['2026-01'] }], series: { type: 'line', data: [Number.NaN] } }, n)).toBe('2026-01 —');
  });
});
