import { describe, expect, it } from 'vitest';
import { formatAccessReason, parseAccessReason } from './access-reason';

describe('access reasons', () => {
  it('accepts a listed code, with or without a description, in a canonical form', () => {
    expect(parseAccessReason('victim_services')).toEqual({ code: 'victim_services', text: null });
    expect(parseAccessReason(' Prosecution :  hearing  on 12 May ')).toEqual({ code: 'prosecution', text: 'hearing on 12 May' });
    expect(formatAccessReason({ code: 'prosecution', text: 'hearing on 12 May' })).toBe('prosecution: hearing on 12 May');
    expect(parseAccessReason(formatAccessReason({ code: 'other', text: 'llamada de la víctima: pide ayuda' }))).toEqual({ code: 'other', text: 'llamada de la víctima: pide ayuda' });
  });

  it('refuses free text, unknown codes, `other` without a description and over-long descriptions', () => {
    expect(parseAccessReason('abc')).toBe('unknown_code');
    expect(parseAccessReason('case follow-up')).toBe('unknown_code');
    expect(parseAccessReason('')).toBe('unknown_code');
    expect(parseAccessReason('other')).toBe('text_required');
    expect(parseAccessReason('other:  x ')).toBe('text_required');
    expect(parseAccessReason(`case_follow_up: ${'a'.repeat(501)}`)).toBe('text_too_long');
  });
});
