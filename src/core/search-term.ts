import { CASE_CODE_PREFIX, parseCaseCode } from './case-code';
import { nameTokens } from './normalise';

/**
 * How a search term is read. A term may be several things at once ("000123" is the end of a case code
 * and could be a document number); every reading that fits is searched.
 */
export interface SearchTermReading {
  /** Upper case, as typed otherwise: a case code or the end of one (`RETA-2026-000123`, `2026-000123`, `000123`). */
  caseCode: string | null;
  /** An institution's file number, compared trimmed and case-insensitively. */
  fileNumber: string | null;
  /** A document number (any document type); null when the term cannot be one. */
  documentNumber: string | null;
  /** Normalised name tokens; empty when the term holds digits. */
  nameTokens: string[];
}

const CASE_CODE_TAIL = new RegExp(`^(${CASE_CODE_PREFIX}-?)?(\\d{4}-)?\\d{1,}$`);

export function readSearchTerm(term: string): SearchTermReading {
  const trimmed = term.trim().replace(/\s+/g, ' ');
  const upper = trimmed.toUpperCase();
  const compact = upper.replace(/[^0-9A-Z]/g, '');
  const hasDigit = /\d/.test(trimmed);
  const caseCode = CASE_CODE_TAIL.test(upper) ? upper.replace(new RegExp(`^${CASE_CODE_PREFIX}(?!-)`), `${CASE_CODE_PREFIX}-`) : null;
  // A whole case code (`RETA-2026-000123`) is a case code, not someone's document: no identity look-up for it.
  const looksLikeDocument = !(caseCode && parseCaseCode(caseCode)) && hasDigit && compact.length >= 4 && compact.length <= 40 && /^[0-9A-Za-z .\-/]+$/.test(trimmed);
  const tokens = hasDigit ? [] : nameTokens(trimmed).filter((token) => token.length >= 2);
  return {
    caseCode,
    fileNumber: trimmed.length >= 2 ? upper : null,
    documentNumber: looksLikeDocument ? trimmed : null,
    nameTokens: [...new Set(tokens)],
  };
}
