/** A UTF-16 surrogate without its partner: not a character, and not encodable in UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** True when the string holds a lone surrogate (String.prototype.isWellFormed, ES2024). */
export const hasLoneSurrogate = (value: string): boolean => LONE_SURROGATE.test(value);

/** The string as UTF-8 storage gives it back: each lone surrogate becomes U+FFFD (String.prototype.toWellFormed). */
export const toWellFormed = (value: string): string => value.replace(LONE_SURROGATES, '\uFFFD');
