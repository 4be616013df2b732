import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CandidateView } from '../../contracts/matching';
import { renderWithProviders, serveJson } from '../test-utils';
import DuplicatesPage from './DuplicatesPage';

afterEach(() => cleanup());

const own = { visible: true as const, personId: 'p-own', sex: 'female', birthYear: 2001, merged: false, appearances: [{ caseId: 'c1', caseCode: 'RETA-2026-000001', role: 'victim' as const, unitName: 'Unidad Lima', institutionName: 'Policía Lima' }] };
const hidden = (institutionName: string) => ({ visible: false as const, contacts: [{ unitName: 'Unidad Cusco', institutionName }] });

function candidate(id: string, over: Partial<CandidateView>): CandidateView {
  return {
    id, version: 2, status: 'pending', reasons: ['document'], createdAt: '2026-03-01T10:00:00Z', decidedAt: null, survivor: null,
    own, other: hidden('Policía Andina'), crossInstitution: false, confirmation: null, ...over,
  };
}

const cards = () => screen.findAllByTestId('duplicate-candidate');
const buttons = (card: HTMLElement) => within(card).queryAllByRole('button').map((b) => b.textContent);

describe('duplicates review page', () => {
  it('shows a merge across institutions as waiting for the other institution once this one confirmed', async () => {
    serveJson({
      '/api/v1/matching/candidates': {
        total: 3,
        items: [
          candidate('confirmed-here', { crossInstitution: true, confirmation: { ownConfirmed: true, confirmedBy: ['Policía Lima'], waitingFor: ['Policía Andina'] } }),
          candidate('open-both', { crossInstitution: true, other: hidden('Fiscalía Sur'), confirmation: { ownConfirmed: false, confirmedBy: [], waitingFor: ['Policía Lima', 'Fiscalía Sur'] } }),
          candidate('same-institution', {}),
        ],
      },
    });
    renderWithProviders(<DuplicatesPage />);
    const [confirmedHere, openBoth, sameInstitution] = await cards();

    expect(within(confirmedHere!).getByText('Esperando la confirmación de Policía Andina')).toBeTruthy();
    expect(within(confirmedHere!).getByText('Unidad Cusco (Policía Andina)')).toBeTruthy();
    expect(buttons(confirmedHere!)).toEqual(['No es la misma persona']);

    expect(within(openBoth!).getByText('Esperando la confirmación de Policía Lima, Fiscalía Sur')).toBeTruthy();
    expect(within(openBoth!).getByText(/pertenece a otra institución/)).toBeTruthy();
    expect(buttons(openBoth!)).toEqual(['Es la misma persona', 'No es la misma persona']);

    // Within one institution, a record out of reach is decided by whoever can see both (contact them).
    expect(within(sameInstitution!).queryByTestId('duplicate-waiting')).toBeNull();
    expect(buttons(sameInstitution!)).toEqual([]);
  });

  it('says nothing about waiting once the merge is done', async () => {
    serveJson({
      '/api/v1/matching/candidates': {
        total: 1,
        items: [candidate('merged', { status: 'confirmed', survivor: 'own', decidedAt: '2026-03-02T10:00:00Z', crossInstitution: true, confirmation: { ownConfirmed: true, confirmedBy: ['Policía Lima', 'Policía Andina'], waitingFor: [] } })],
      },
    });
    renderWithProviders(<DuplicatesPage />);
    const [merged] = await cards();
    expect(within(merged!).queryByTestId('duplicate-waiting')).toBeNull();
    expect(buttons(merged!)).toEqual(['Deshacer la unión']);
  });
});
