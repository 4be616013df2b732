import { describe, expect, it } from 'vitest';
import enErrors from './en/errors';
import esErrors from './es/errors';

/**
 * A refusal must never read as a success. An officer read "Ya quedó registrado; intente de nuevo" (the 500
 * message) as "saved": every failure that follows a write attempt says plainly that nothing was saved
 * (or changed, added, linked…) and what to do next.
 */
const WRITE_REFUSALS = [
  'internal', 'record.stale_version', 'record.field_conflict', 'record.duplicate', 'payload_too_large', 'user.username_taken', 'institution.code_taken', 'unit.code_taken',
  'case.code_taken', 'case.external_id_taken', 'case.person_external_id_taken', 'case.person_already_linked', 'case.transfer_same_unit',
  'hotline.case_already_linked', 'legal.regime_code_taken', 'legal.article_number_taken', 'legal.tier_code_taken',
  'justice.already_superseded', 'justice.external_id_taken', 'stay.victim_already_sheltered', 'stay.placement_warning', 'justice.sentence_warning', 'match.not_pending', 'match.already_merged',
  'demo.not_demo_database',
];
const saysNotDone = { es: /\bno se (guardó|guardaron|cambió|agregó|transfirió|vinculó|registró|fusionó|separó)|no se guardaron|no quedó/i, en: /\b(not saved|nothing was (saved|changed)|were not saved|was not saved|not added|not transferred|not linked|not recorded|not merged)\b/i };

describe('refusal messages', () => {
  it.each(WRITE_REFUSALS)('%s says that nothing was saved, in Spanish and English', (code) => {
    expect(esErrors[code], code).toMatch(saysNotDone.es);
    expect(enErrors[code], code).toMatch(saysNotDone.en);
  });

  it('no message claims something "quedó registrado" / "has been logged" (read as "saved")', () => {
    for (const message of Object.values(esErrors)) expect(message).not.toMatch(/ya quedó registrad/i);
    for (const message of Object.values(enErrors)) expect(message).not.toMatch(/has been (logged|recorded)/i);
  });
});
