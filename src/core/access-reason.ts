import { accessReasons } from './codes';

/**
 * The stated reason for reading identifying data or restricted texts: a code from `accessReasons` plus an
 * optional description (required for `other`). On the wire (X-Access-Reason) it is `code` or `code: text`,
 * percent-encoded as a whole when it holds anything but ASCII; the audit log stores the same canonical form.
 */
export type AccessReasonCode = (typeof accessReasons)[number];
export interface AccessReason {
  code: AccessReasonCode;
  text: string | null;
}

export const ACCESS_REASON_TEXT_MIN = 3;
export const ACCESS_REASON_TEXT_MAX = 500;
const CODES = new Set<string>(accessReasons);

export type AccessReasonProblem = 'unknown_code' | 'text_required' | 'text_too_long';

export const isAccessReasonCode = (value: string): value is AccessReasonCode => CODES.has(value);

/** Checks a code and description as a person or an integration gave them. */
export function checkAccessReason(code: string, text: string | null | undefined): AccessReason | AccessReasonProblem {
  if (!isAccessReasonCode(code)) return 'unknown_code';
  const description = (text ?? '').replace(/\s+/g, ' ').trim();
  if (description.length > ACCESS_REASON_TEXT_MAX) return 'text_too_long';
  if (code === 'other' && description.length < ACCESS_REASON_TEXT_MIN) return 'text_required';
  return { code, text: description || null };
}

/** Reads `code` or `code: text` (already percent-decoded). */
export function parseAccessReason(value: string): AccessReason | AccessReasonProblem {
  const colon = value.indexOf(':');
  const code = (colon === -1 ? value : value.slice(0, colon)).trim().toLowerCase();
  const text = colon === -1 ? null : value.slice(colon + 1);
  return checkAccessReason(code, text);
}

/** The canonical form, as sent in X-Access-Reason (before percent-encoding) and stored in the audit log. */
export const formatAccessReason = (reason: AccessReason): string => (reason.text ? `${reason.code}: ${reason.text}` : reason.code);
