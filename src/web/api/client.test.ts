import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/translate';
import { addCatalogues, setupI18n } from '../i18n/setup';
import { spanishRest } from '../i18n/spanish-rest';
import { ApiError, errorMessage } from './client';

setupI18n('es');
addCatalogues('es', spanishRest); // every screen's texts, as the signed-in shell loads them

/** The error as the web client builds it from the server's answer (`{ error: { code, message } }`). */
const fromServer = (status: number, code: string, params?: Record<string, string | number>) =>
  new ApiError(status, code, translate('es', 'errors', code, params) ?? '');

describe('error messages shown to a person', () => {
  it('a message with parameters is shown filled in, never with {{placeholders}}', () => {
    const message = errorMessage(fromServer(422, 'justice.article_not_in_force', { article: '153-B', date: '2016-05-01' }));
    expect(message).toBe('El artículo 153-B no estaba vigente en la fecha de los hechos (2016-05-01).');
    expect(errorMessage(fromServer(409, 'shelter.capacity_exceeded', { capacity: 12, day: '2026-03-01' }))).not.toMatch(/\{\{|\}\}/);
  });

  it('without a server message the parameters are left out, not shown raw', () => {
    const message = errorMessage(new ApiError(422, 'justice.unknown_tier', ''));
    expect(message).not.toMatch(/\{\{|\}\}/);
    expect(message).toContain('El artículo');
  });

  it('a message without parameters still comes from the catalogue of the page language', () => {
    expect(errorMessage(new ApiError(401, 'auth.session_expired', 'Your session expired'))).toBe(translate('es', 'errors', 'auth.session_expired'));
    expect(errorMessage(new ApiError(500, 'no.such_code', ''))).toBe('Ocurrió un error inesperado y no se completó lo que intentaba. Intente de nuevo.');
  });
});
